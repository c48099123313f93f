import type { PlanReview, PlanVerdict } from '../../../agents/schemas/plan-review.ts';
import { byLevel, contradictions, coverage, listing, profileOf, rulesTag, storyOf, str, terms } from './text.ts';

/** Shortcuts that make a plan the wrong approach whatever the story. */
const antiPatterns: Array<[RegExp, string]> = [
  [/\bhard[- ]?cod(?:e|ed|ing)\b/i, 'hard-codes values that should be computed or configured'],
  [/\b(?:skip|disable|delete|remove|comment out)\b[^.\n]{0,30}\btests?\b|\bno (?:need for )?tests?\b|\bwithout tests?\b/i, 'skips or removes tests'],
  [/\b(?:ignore|suppress|swallow|silence)\b[^.\n]{0,30}\b(?:errors?|warnings?|exceptions?)\b|@ts-ignore|eslint-disable/i, 'hides errors instead of fixing them'],
  [/\b(?:rewrite|redo|start over)\b[^.\n]{0,30}\b(?:everything|whole|entire|from scratch)\b/i, 'rewrites far more than the story needs'],
  [/\bcopy(?:[- ]paste| and paste)\b/i, 'copies code instead of reusing it'],
  [/\bglobal variables?\b/i, 'relies on global mutable state'],
  [/\bplain ?text passwords?\b|\bstore (?:the )?passwords?\b(?![^.\n]{0,30}hash)/i, 'stores passwords unsafely'],
  [/\b(?:concatenat|string[- ]build)\w*[^.\n]{0,30}\b(?:sql|query)\b|\bsql\b[^.\n]{0,30}\bconcatenat/i, 'builds SQL by string concatenation'],
  [/\bforce[- ]push\b|\bpush (?:directly )?to (?:main|master)\b/i, 'bypasses review'],
  [/\b(?:load|fetch|get|read)\b[^.\n]{0,25}\b(?:all|every|entire)\b[^.\n]{0,30}\b(?:then|and)\b[^.\n]{0,20}\b(?:filter|slice|sort|page)/i, 'loads everything into memory before narrowing it down'],
];

const testing = /\b(?:tests?|testing|specs?|assert(?:ion)?s?|vitest|jest|pytest|mocha|tdd)\b/i;
const testCases = /\b(?:edge cases?|invalid|empty|boundary|error cases?|negative cases?|corner cases?|limits?|failure cases?|last page|zero|null|missing)\b/i;
const edgeCases = /\b(?:edge cases?|invalid|errors?|empty|boundary|validat\w*|limits?|fail\w*|exceptions?|bad input|out of range|too (?:large|long|big|small)|missing)\b/i;
const verification = /\b(?:lint\w*|type[- ]?check\w*|tsc|build|run (?:the )?(?:app|tests|it)|manual(?:ly)? (?:test|check)|code review|pull request|\bpr\b|commit|ci\b|coverage|try it|verify|check)\b/i;
const ordering = /^\s*(?:\d+[.)]|[-*+]|step \d+)/im;
const concrete = /`[^`]+`|\b[\w-]+\.(?:ts|js|tsx|jsx|py|sql|md|json|yaml|yml|css|html)\b|\/[\w/:-]+|\b[a-z]+[A-Z]\w*\b|\b\w+\(\)|\b(?:function|endpoint|route|handler|component|table|column|query|schema|field|parameter|class|method|module|file|migration)\b/;

export interface PlanSteps {
  steps: string[];
  numbered: boolean;
}

/** Steps of a plan: its list items, or its sentences when it is prose. */
export function planSteps(plan: string): PlanSteps {
  const items = plan
    .split('\n')
    .map((l) => /^\s*(?:\d+[.)]|[-*+]|step \d+[:.)]?)\s+(.+)$/i.exec(l)?.[1]?.trim())
    .filter((l): l is string => Boolean(l));
  if (items.length >= 2) return { steps: items, numbered: ordering.test(plan) };
  return {
    steps: plan
      .split(/(?<=[.!?;])\s+|\n+|\b(?:then|after that|next|finally)\b/i)
      .map((s) => s?.trim())
      .filter((s): s is string => Boolean(s) && s.split(/\s+/).length >= 2),
    numbered: /\b(?:first|then|next|after that|finally)\b/i.test(plan),
  };
}

/**
 * Rules-mode plan reviewer: a weighted checklist (criteria coverage, testing, edge cases, order and
 * verification, concreteness) plus anti-pattern and contradiction checks for a wrong approach.
 */
export function reviewPlan(input: Record<string, unknown> | undefined, message: string): PlanReview {
  const plan = str(input?.plan) || message;
  const story = storyOf(input);
  const { level } = profileOf(input);
  const { steps, numbered } = planSteps(plan);
  const planTerms = terms(plan);
  const criteria = story?.acceptanceCriteria ?? [];
  const uncovered = criteria.filter((c) => coverage(terms(c), planTerms) < 0.4);
  const criteriaShare = criteria.length ? (criteria.length - uncovered.length) / criteria.length : steps.length >= 3 ? 0.7 : 0.4;
  const concreteShare = steps.length ? steps.filter((s) => concrete.test(s) && s.split(/\s+/).length >= 3).length / steps.length : 0;
  const mentionsTests = testing.test(plan);
  const testsCases = mentionsTests && testCases.test(plan);

  const criteriaList = [
    { id: 'acceptanceCriteria', label: 'Covers every acceptance criterion', weight: 35, points: Math.round(35 * criteriaShare), comment: uncovered.length ? `Not addressed: ${listing(uncovered.map((u) => `"${u}"`))}` : criteria.length ? 'Every acceptance criterion has a step.' : 'No acceptance criteria to compare with.' },
    { id: 'steps', label: 'Broken into small steps', weight: 10, points: steps.length >= 3 ? 10 : steps.length === 2 ? 5 : 0, comment: `${steps.length} step${steps.length === 1 ? '' : 's'} found.` },
    { id: 'concrete', label: 'Steps are concrete (files, functions, endpoints)', weight: 15, points: Math.round(15 * concreteShare), comment: concreteShare >= 0.6 ? 'Most steps name what they change.' : 'Several steps do not say what exactly changes.' },
    { id: 'tests', label: 'Plans tests, including edge cases', weight: 15, points: mentionsTests ? (testsCases ? 15 : 9) : 0, comment: mentionsTests ? (testsCases ? 'Tests cover edge cases.' : 'Tests are planned; which cases?') : 'No step writes or runs tests.' },
    { id: 'edgeCases', label: 'Handles invalid input and errors', weight: 10, points: edgeCases.test(plan) ? 10 : 0, comment: edgeCases.test(plan) ? 'Error and edge handling is planned.' : 'Nothing about invalid input or error cases.' },
    { id: 'verification', label: 'Ordered, with a way to verify the result', weight: 15, points: (numbered ? 5 : 0) + (verification.test(plan) ? 10 : 0), comment: verification.test(plan) ? 'Has a verification step.' : 'No step checks the result (run, lint, type check, review).' },
  ];
  const score = criteriaList.reduce((sum, c) => sum + c.points, 0);

  const concerns: string[] = [];
  for (const [pattern, concern] of antiPatterns) if (pattern.test(plan)) concerns.push(`The plan ${concern}.`);
  if (story) {
    for (const c of contradictions(`${story.title}\n${story.description}\n${criteria.join('\n')}`, plan)) {
      if (c.strong) concerns.push(`The plan says "${c.textWord}" where the story says "${c.storyWord}".`);
    }
  }
  const offTopic = criteria.length >= 2 && criteriaShare < 0.25 && coverage(planTerms, terms(`${story?.title} ${story?.description} ${criteria.join(' ')}`)) < 0.25;
  if (offTopic) concerns.push('The plan does not seem to address what the story asks for.');

  const missingSteps = [
    ...uncovered.map((u) => `A step for: ${u}`),
    ...(mentionsTests ? [] : ['A step that writes and runs tests for the acceptance criteria']),
    ...(edgeCases.test(plan) ? [] : ['A step that handles invalid input and error cases']),
    ...(verification.test(plan) ? [] : ['A final check: run the tests, lint and type check, then open a pull request']),
    ...(steps.length >= 3 ? [] : ['Split the work into at least three small, checkable steps']),
  ];

  let verdict: PlanVerdict;
  if (concerns.length) verdict = 'wrongApproach';
  else if (score >= 80 && uncovered.length === 0 && mentionsTests) verdict = 'goodPlan';
  else verdict = 'missingSteps';

  return { score, verdict, criteria: criteriaList, missingSteps: verdict === 'goodPlan' ? [] : missingSteps, concerns, reply: renderReply(level, verdict, score, missingSteps, concerns) };
}

function renderReply(level: 'beginner' | 'intermediate' | 'advanced', verdict: PlanVerdict, score: number, missing: string[], concerns: string[]): string {
  if (verdict === 'goodPlan') {
    return `${rulesTag} ${byLevel(level, {
      beginner: `This is a solid plan (score ${score}/100): small steps, every acceptance criterion covered, and tests. Start with step 1 and check it works before moving on.`,
      intermediate: `Good plan (${score}/100). Go ahead with step 1.`,
      advanced: `Plan approved (${score}/100).`,
    })}`;
  }
  if (verdict === 'wrongApproach') {
    return `${rulesTag} Before you start, let's rethink the approach (score ${score}/100). ${concerns.join(' ')} ${byLevel(level, {
      beginner: 'What would a simpler way look like that still meets every acceptance criterion? Write it down and I will review it again.',
      intermediate: 'How would you change the plan to avoid this?',
      advanced: 'Revise and resubmit.',
    })}`;
  }
  const top = missing.slice(0, 3);
  return `${rulesTag} ${byLevel(level, {
    beginner: `Good start (score ${score}/100). A few things are missing:`,
    intermediate: `Score ${score}/100. Missing:`,
    advanced: `${score}/100. Missing:`,
  })}\n${top.map((m) => `- ${m}`).join('\n')}\n${byLevel(level, {
    beginner: 'Add steps for these and send me the updated plan.',
    intermediate: 'Add these and resubmit.',
    advanced: '',
  })}`.trim();
}
