import type { PlanReview, PlanVerdict } from '../../domain/contracts/plan-review.ts';
import { approachConcerns, edgeCases, testCases, testing, verification } from './plan-checks.ts';
import { criterionCoverage, topicality } from './criteria-match.ts';
import { securityConcerns } from './plan-security.ts';
import { mentions, paraphraseTerms } from './paraphrase.ts';
import { byLevel, clamp, listing, profileOf, rulesTag, storyOf, str, termWeights } from './text.ts';

const ordering = /^[^\S\n\r\u2028\u2029]*(?:\d+[.)]|[-*+]|step \d+)/im;
const concrete =
  /`[^`]+`|(?<![\w-])-*\w[\w-]*\.(?:ts|js|tsx|jsx|py|sql|md|json|yaml|yml|css|html)\b|\/[\w/:<>-]+|\b[a-z]+[A-Z]\w*\b|\b\w+\(\)|\b(?:GET|POST|PUT|PATCH|DELETE)\b|\b(?:function|endpoint|route|handler|component|table|column|query|schema|field|parameter|class|method|module|file|migration|middleware|hook|page|button|form|input|toggle|header|key|link|variable|config|test|type|interface|model|store|service|request|response|status|cookie|token|email|css|attribute|event|state)s?\b/i;

/**
 * How much of each criterion a plan covers, read two ways and the kinder one kept: weighted by how
 * specific each term is across the criteria (the domain noun says little), and weighted by kind (code
 * names count most, spec filler little). A plan says each step in its own words, so one reading
 * missing a paraphrase should not make a covered criterion look skipped.
 */
function criteriaShares(criteria: string[], have: string[]): number[] {
  const specificity = termWeights(criteria);
  const byKind = criterionCoverage(criteria, have);
  return criteria.map((criterion, i) => {
    let total = 0;
    let found = 0;
    for (const t of planTerms(criterion)) {
      const matched = mentions(have, t);
      // A repeated number ("300 ms", "5 retries") pins the criterion down; "at most"/"up to" around it is wording.
      const w = specificity(t) * (/^\d/.test(t) && matched ? 2 : bounds.includes(t) ? 0.3 : 1);
      total += w;
      if (matched) found += w;
    }
    return Math.max(total ? found / total : 1, byKind[i]!);
  });
}

/** Irregular verb forms a plan or criterion uses ("counters are kept", "keep a counter"): the stemmer cannot join them. */
const irregular: Readonly<Record<string, string>> = {
  kept: 'keep',
  sent: 'send',
  shown: 'show',
  built: 'build',
  written: 'write',
  wrote: 'write',
  found: 'find',
  given: 'give',
  gave: 'give',
  taken: 'take',
  took: 'take',
  hidden: 'hide',
  hid: 'hide',
  chosen: 'choose',
  chose: 'choose',
  held: 'hold',
  paid: 'pay',
  sold: 'sell',
  bought: 'buy',
};

/** Paraphrase terms of a plan or criterion, irregular verb forms read as their base form. */
function planTerms(text: string): string[] {
  return paraphraseTerms(text.replace(/\b[a-z]+\b/gi, (w) => irregular[w.toLowerCase()] ?? w));
}

/** What "at most", "up to", "at least" become: a bound the plan states by giving the number. */
const bounds = paraphraseTerms('maximum minimum');

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
    numbered: /\b(?:first|then|next|after that|finally|start (?:by|with))\b/i.test(plan),
  };
}

/** Test cases a plan names: a case word, or a test step listing several cases. */
function namesTestCases(plan: string): boolean {
  if (testCases.test(plan)) return true;
  return plan
    .split(/\n|(?<=[.!?])\s+/)
    .some((s) => testing.test(s) && s.split(/,|;|\band\b/).length >= 3);
}

/**
 * Rules-mode plan reviewer: a weighted checklist (criteria coverage, small steps, concreteness,
 * tests with named cases, edge cases, order and verification) plus approach checks (anti-patterns,
 * contradictions, requirements set aside, off-topic plans) for a wrong approach. A wrong approach
 * scores at most 40 (30 when it is insecure: plan-security.ts) and an incomplete plan 30–75, so the score and the verdict always agree.
 */
export function reviewPlan(
  input: Record<string, unknown> | undefined,
  message: string,
): PlanReview {
  const plan = str(input?.plan) || message;
  const story = storyOf(input);
  const { level } = profileOf(input);
  const { steps, numbered } = planSteps(plan);
  const have = planTerms(plan);
  const criteria = story?.acceptanceCriteria ?? [];
  const shares = criteriaShares(criteria, have);
  const uncovered = criteria.filter((_, i) => shares[i]! < 0.4);
  const criteriaShare = criteria.length
    ? shares.reduce((sum, s) => sum + Math.min(1, s / 0.6), 0) / criteria.length
    : steps.length >= 3
      ? 0.7
      : 0.4;
  const storyText = story ? `${story.title}\n${story.description}\n${criteria.join('\n')}` : '';
  const storyTerms = planTerms(storyText);
  const concreteShare = steps.length
    ? steps.filter(
        (s) =>
          s.split(/\s+/).length >= 3 &&
          (concrete.test(s) || planTerms(s).filter((t) => mentions(storyTerms, t)).length >= 2),
      ).length / steps.length
    : 0;
  const mentionsTests = testing.test(plan);
  const testsCases = mentionsTests && namesTestCases(plan);
  const handlesEdges = edgeCases.test(plan);
  const verifies = verification.test(plan);
  const ordered = numbered || steps.length >= 3;

  const criteriaList = [
    {
      id: 'acceptanceCriteria',
      label: 'Covers every acceptance criterion',
      weight: 35,
      points: Math.round(35 * criteriaShare),
      comment: uncovered.length
        ? `Not addressed: ${listing(uncovered.map((u) => `"${u}"`))}`
        : criteria.length
          ? 'Every acceptance criterion has a step.'
          : 'No acceptance criteria to compare with.',
    },
    {
      id: 'steps',
      label: 'Broken into small steps',
      weight: 10,
      points: steps.length >= 3 ? 10 : steps.length === 2 ? 5 : 0,
      comment: `${steps.length} step${steps.length === 1 ? '' : 's'} found.`,
    },
    {
      id: 'concrete',
      label: 'Steps are concrete (files, functions, endpoints)',
      weight: 15,
      points: Math.round(15 * Math.min(1, concreteShare / 0.7)),
      comment:
        concreteShare >= 0.6
          ? 'Most steps name what they change.'
          : 'Several steps do not say what exactly changes.',
    },
    {
      id: 'tests',
      label: 'Plans tests, including edge cases',
      weight: 15,
      points: mentionsTests ? (testsCases ? 15 : 10) : 0,
      comment: mentionsTests
        ? testsCases
          ? 'Tests cover named cases.'
          : 'Tests are planned; which cases?'
        : 'No step writes or runs tests.',
    },
    {
      id: 'edgeCases',
      label: 'Handles invalid input and errors',
      weight: 10,
      points: handlesEdges ? 10 : 0,
      comment: handlesEdges
        ? 'Error and edge handling is planned.'
        : 'Nothing about invalid input or error cases.',
    },
    {
      id: 'verification',
      label: 'Ordered, with a way to verify the result',
      weight: 15,
      points: (ordered ? 5 : 0) + (verifies ? 10 : mentionsTests ? 5 : 0),
      comment: verifies
        ? 'Has a verification step.'
        : mentionsTests
          ? 'The planned tests check the result; say when you run them.'
          : 'No step checks the result (run, lint, type check, review).',
    },
  ];
  let score = criteriaList.reduce((sum, c) => sum + c.points, 0);

  // Off topic: little of the plan is about the story and little of the story is in the plan.
  const onStory = story ? topicality(have, storyText) : 1;
  const meanShare = criteria.length ? shares.reduce((a, b) => a + b, 0) / criteria.length : 1;
  const offTopic = criteria.length >= 2 && onStory < 0.3 && meanShare < 0.35;
  const security = securityConcerns(plan, storyText);
  const concerns = [
    ...security,
    ...approachConcerns(plan, story ? { storyText, criteria } : undefined, offTopic),
  ];

  const missingSteps = [
    ...uncovered.map((u) => `A step for: ${u}`),
    ...(mentionsTests ? [] : ['A step that writes and runs tests for the acceptance criteria']),
    ...(handlesEdges ? [] : ['A step that handles invalid input and error cases']),
    ...(verifies
      ? []
      : ['A final check: run the tests, lint and type check, then open a pull request']),
    ...(steps.length >= 3 ? [] : ['Split the work into at least three small, checkable steps']),
  ];

  let verdict: PlanVerdict;
  if (concerns.length) verdict = 'wrongApproach';
  else if (score >= 80 && uncovered.length === 0 && mentionsTests) verdict = 'goodPlan';
  else verdict = 'missingSteps';
  // A wrong approach is worth little however complete it looks; an incomplete plan is neither.
  // An insecure plan is rejected outright, however complete: at most 30.
  if (verdict === 'wrongApproach')
    score = security.length ? Math.min(30, Math.round(score * 0.3)) : Math.round(score * 0.4);
  if (verdict === 'missingSteps') score = clamp(score, 30, 75);

  return {
    score,
    verdict,
    criteria: criteriaList,
    missingSteps: verdict === 'goodPlan' ? [] : missingSteps,
    concerns,
    reply: renderReply(level, verdict, score, missingSteps, concerns),
  };
}

function renderReply(
  level: 'beginner' | 'intermediate' | 'advanced',
  verdict: PlanVerdict,
  score: number,
  missing: string[],
  concerns: string[],
): string {
  if (verdict === 'goodPlan') {
    return `${rulesTag} ${byLevel(level, {
      beginner: `This is a solid plan (score ${score}/100): small steps, every acceptance criterion covered, and tests. Start with step 1 and check it works before moving on.`,
      intermediate: `Good plan (${score}/100). Go ahead with step 1.`,
      advanced: `Plan approved (${score}/100).`,
    })}`;
  }
  if (verdict === 'wrongApproach') {
    return `${rulesTag} Before you start, let's rethink the approach (score ${score}/100). ${concerns.join(' ')} ${byLevel(
      level,
      {
        beginner:
          'What would a simpler way look like that still meets every acceptance criterion? Write it down and I will review it again.',
        intermediate: 'How would you change the plan to avoid this?',
        advanced: 'Revise and resubmit.',
      },
    )}`;
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
