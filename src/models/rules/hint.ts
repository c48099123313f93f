import type { Hint } from '../../domain/contracts/hint.ts';
import type { Concept } from '../../domain/concepts/index.ts';
import { readBlocker, type BlockerReading } from './blocker-diagnosis.ts';
import { vaguePattern } from './blocker-signals.ts';
import { chooseHintConcept } from './hint-concept.ts';
import { clipWords, hintEvidence, type HintEvidence } from './hint-evidence.ts';
import {
  activitiesOf,
  byLevel,
  clamp,
  num,
  profileOf,
  rulesTag,
  storyOf,
  str,
  strings,
  terms,
  sameTerm,
  type Level,
} from './text.ts';

/** Generic ladders by blocker kind, for when no library concept matches: [nudge, check, concrete steps]. */
const ladders: Record<string, [string, string, string]> = {
  technicalError: [
    'Which line of your own code does the error point to, and what was it doing there?',
    'Print or inspect the values used on that line just before it runs, and compare each with what you expected.',
    'Reproduce the failure with the smallest input, find the first value that is wrong, and change only the code that produces it; then rerun the same test.',
  ],
  environmentIssue: [
    'Does the problem come from your code, or from something your code depends on?',
    'Check the dependency the error names: is it installed, running and configured the way the code expects?',
    'Fix that one setting or service, restart, and run exactly the same command again.',
  ],
  analysisParalysis: [
    'Which acceptance criterion could you finish first, on its own?',
    'Pick the smallest piece of that criterion you could run or test in the next 25 minutes.',
    'Write that one test or function now, and decide the rest after it works.',
  ],
  unknownIssue: [
    'What did you expect to happen, and what happened instead?',
    'Write down the last thing that worked and what changed since then.',
    'Undo changes until it works again, then redo them one at a time, running the check after each.',
  ],
};

/** Where the problem likely is, by blocker category: the "mistake location" half of the opening. */
const likelyProblem: Record<string, (concept: string) => string> = {
  environmentIssue: () =>
    'That looks like a setup problem more than a logic bug: something your code depends on is missing, stopped or configured differently.',
  technicalError: () =>
    'So the code runs, but at that point one value is not what the code expects.',
  syntax: () =>
    'So the code does not even parse: something around that line is unbalanced, missing or misplaced.',
  typeError: () => 'So the compiler sees a value whose type does not fit what that line expects.',
  assertion: () => 'So the code runs, but its result differs from what the test expects.',
  symptom: (c) =>
    `That symptom usually has one cause${c ? ` in ${c}` : ''}; let's find the exact spot before changing anything.`,
  conceptualConfusion: (c) =>
    `That is a question about ${c || 'one idea'}: once the idea is clear, the code usually follows.`,
  analysisParalysis: () =>
    'That usually means the task feels too big to start, not that you lack the skills.',
  unknownIssue: (c) =>
    `I can't see the failure yet, so first pin down what you expected and what happened instead${c ? `, with ${c} in mind` : ''}.`,
};

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z"`(])/)
    .map((s) => s.trim())
    .filter(Boolean);
/** Inline code a hint may show: identifiers and short commands, nothing with a body or an expression. */
const plainCode = (sentence: string) =>
  (sentence.match(/`[^`]*`/g) ?? []).every((code) => code.length <= 30 && !/[{}();=]/.test(code));
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const asQuestion = (s: string) => (s.trim().endsWith('?') ? s.trim() : undefined);
/** "Pagination (limit/offset and cursors)" → "pagination": the name as it reads inside a sentence. */
const shortName = (concept: Concept) =>
  lowerFirst(concept.name.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The concept's idea for the level in one or two sentences, without code beyond identifiers: the
 * sentence closest to the learner's words first. Advanced learners may get an intermediate sentence
 * when theirs does not touch what they asked.
 */
function keyIdea(
  concept: Concept,
  level: Level,
  said: string,
  matched: string[],
  max: number,
): string {
  // The concept keywords the learner used say more than their other words ("offset", not "compute").
  const have = matched.length ? terms(matched.join(' ')) : terms(said);
  const overlap = (s: string) =>
    terms(s).filter((t) => t.length >= 3 && have.some((h) => sameTerm(t, h))).length;
  const pool = (l: Level) => sentencesOf(concept.explanation[l]).filter(plainCode);
  const own = pool(level);
  const sentences =
    level === 'advanced' &&
    !own.some((s) => overlap(s) > 0) &&
    pool('intermediate').some((s) => overlap(s) > 0)
      ? pool('intermediate')
      : own;
  if (!sentences.length)
    return sentencesOf(concept.explanation.beginner).filter(plainCode)[0] ?? concept.name;
  const best = sentences.reduce((a, b) => (overlap(b) > overlap(a) ? b : a));
  const next =
    sentences[sentences.indexOf(best) + 1] ?? (best === sentences[0] ? undefined : sentences[0]);
  return next && max > 0 && words(`${best} ${next}`) <= max ? `${best} ${next}` : best;
}

/** The pitfall closest to what the learner wrote, else the one for this depth. */
function pitfallFor(concept: Concept, said: string, depth: number): string | undefined {
  const have = terms(said);
  return (
    concept.pitfalls.find((p) =>
      terms(p).some((t) => t.length >= 4 && have.some((h) => sameTerm(t, h))),
    ) ?? concept.pitfalls[(depth - 1) % concept.pitfalls.length]
  );
}

/** The acceptance criterion that shares the most words with the question, as plain text. */
function criterionFor(criteria: string[], said: string): string | undefined {
  const have = terms(said);
  const ranked = criteria
    .map((c) => ({ c, n: terms(c).filter((t) => have.some((h) => sameTerm(t, h))).length }))
    .sort((a, b) => b.n - a.n);
  const best = ranked[0];
  return best && best.n > 0
    ? clipWords(best.c.replace(/`/g, ''), 22).replace(/(?<!\.)\.+$/, '')
    : undefined;
}

interface Parts {
  level: Level;
  depth: 1 | 2 | 3;
  concept: Concept | undefined;
  reading: BlockerReading;
  evidence: HintEvidence;
  /** Concept keywords found in the learner's words or errors. */
  matched: string[];
  focus: string;
  checkCommand: string;
}

/** Paragraph 1: what the learner is trying and where the problem likely is, in their own words. */
function opening({ level, concept, reading, evidence, focus }: Parts): string {
  const asked = evidence.learnerQuote?.includes('?') && !evidence.errorQuote;
  const warm = byLevel(level, {
    beginner: asked
      ? "Good question; you're closer than it feels. "
      : "Let's work through this together; you're closer than it feels. ",
    intermediate: "Let's narrow this down. ",
    advanced: '',
  });
  const where = focus ? ` while working on ${focus}` : '';
  const name = concept ? shortName(concept) : '';
  if (evidence.errorQuote) {
    const located = evidence.location
      ? ` It points at ${evidence.location}: start in that line of your own code, not in library files.`
      : '';
    const kind = /SyntaxError|Unexpected token|Unexpected end of/i.test(evidence.errorQuote)
      ? 'syntax'
      : /\bTS\d{4}\b|not assignable|does not exist on type/i.test(evidence.errorQuote)
        ? 'typeError'
        : /assert|\bexpected\b/i.test(evidence.errorQuote)
          ? 'assertion'
          : reading.category === 'environmentIssue'
            ? 'environmentIssue'
            : 'technicalError';
    return `${warm}You're getting "${evidence.errorQuote}"${where}.${located} ${likelyProblem[kind]!(name)}`;
  }
  if (evidence.learnerQuote) {
    const asks = evidence.learnerQuote.includes('?');
    // A how/why question about a library concept is conceptual even when the blocker reading is unsure.
    const unsure = concept && reading.category === 'unknownIssue';
    const described =
      words(evidence.learnerQuote) >= 5 && !vaguePattern.test(evidence.learnerQuote);
    const category =
      unsure && asks ? 'conceptualConfusion' : unsure && described ? 'symptom' : reading.category;
    return `${warm}You ${asks ? 'asked' : 'wrote'} "${evidence.learnerQuote}"${where}. ${likelyProblem[category]!(name)}`;
  }
  return `${warm}You're stuck${where || ' on this step'}. ${likelyProblem.unknownIssue!(name)}`;
}

/** The next action for this depth: depth 1 a place to look, 2 a check to run, 3 concrete steps in words. */
function nextAction({ depth, concept, reading, checkCommand }: Parts): string {
  const ladder = ladders[reading.category] ?? ladders.unknownIssue!;
  const steps = concept?.hints ?? ladder;
  if (depth === 1) return `A first place to look: ${lowerFirst(steps[1])}`;
  if (depth === 2) return `Next, one check before changing any code: ${lowerFirst(steps[1])}`;
  return `Concretely: ${lowerFirst(steps[2])} Then rerun ${checkCommand} to see whether the result changed.`;
}

/** The Socratic question the learner answers next. */
function socratic({ depth, concept, reading, evidence, matched }: Parts): string {
  const ladder = ladders[reading.category] ?? ladders.unknownIssue!;
  if (depth === 3)
    return 'Which of those steps will you try first, and what result will tell you it worked?';
  const assertion = /assert|\bexpected\b/i.test(evidence.errorQuote ?? '');
  if (depth === 2 && evidence.location && reading.category === 'technicalError' && !assertion)
    return `What value does ${evidence.location} actually see when it fails, and is it the one you expected?`;
  // A concrete term of the concept ("offset"), not the concept's own name ("pagination").
  const term = matched.find(
    (m) =>
      /^[a-z]{4,}$/.test(m) &&
      concept &&
      !concept.id.includes(m) &&
      !concept.name.toLowerCase().includes(m),
  );
  if (
    depth === 2 &&
    term &&
    !evidence.errorQuote &&
    reading.category !== 'technicalError' &&
    evidence.learnerQuote?.includes('?')
  )
    return `Working one tiny example by hand, what should the ${term} be, and how would you check that against your code?`;
  if (depth === 2) return (concept && asQuestion(concept.checkQuestion)) || ladder[0];
  return (
    (concept && (asQuestion(concept.hints[0]) ?? asQuestion(concept.checkQuestion))) || ladder[0]
  );
}

/**
 * Rules-mode Socratic hint, 80–160 words: what the learner seems to be trying and where the problem
 * likely is (quoting their error or words), one guiding idea from the concept library, one next action
 * for the depth, and one question. Beginners get more scaffolding, advanced learners less; never code.
 */
export function giveHint(input: Record<string, unknown> | undefined, message: string): Hint {
  const { level, helpRequests } = profileOf(input);
  const story = storyOf(input);
  const asked = str(input?.message) || (input ? '' : message);
  const step = str(input?.currentStep);
  const failed = activitiesOf(input?.activity).filter((a) => a.ok === false && a.summary);
  const errors = [...strings(input?.recentErrors), ...failed.map((a) => a.summary)];
  const hintsGiven = Math.max(0, num(input?.hintsGiven) ?? 0);
  // Beginners get a concrete pointer sooner; repeated help requests go deeper too.
  const base =
    byLevel(level, { beginner: 2, intermediate: 1, advanced: 1 }) +
    (helpRequests >= 5 && level !== 'advanced' ? 1 : 0);
  const depth = clamp(base + hintsGiven, 1, 3) as 1 | 2 | 3;
  // The counter counts this learner's hints for the step, whatever depth the level starts at.
  const counter = clamp(hintsGiven + 1, 1, 3);

  const reading = readBlocker({ message: asked, recentErrors: errors }, message);
  const { concept, matched } = chooseHintConcept({
    named: str(input?.concept),
    asked,
    errors,
    step,
    storyConcepts: story?.concepts ?? [],
    reading,
  });
  const said = [asked, step, ...errors].join('\n');
  const parts: Parts = {
    level,
    depth,
    concept,
    reading,
    evidence: hintEvidence(asked, errors, matched),
    matched,
    focus: step
      ? `"${clipWords(step, 10)}"`
      : story?.title
        ? `"${clipWords(story.title, 10)}"`
        : '',
    checkCommand: /assert|expect|test|spec/i.test(said)
      ? 'the failing test'
      : reading.category === 'environmentIssue'
        ? 'the same command'
        : 'your tests or the same request',
  };

  // Rendering tries several forms and extras; each idea is worked out once (keyIdea reads all of `said`).
  const ideas = new Map<number, string>();
  const idea = (max: number) => {
    if (!ideas.has(max))
      ideas.set(
        max,
        concept ? `The idea to hold on to: ${keyIdea(concept, level, said, matched, max)}` : '',
      );
    return ideas.get(max)!;
  };
  const action = nextAction(parts);
  const question = socratic(parts);
  const pitfall = concept && depth >= 2 ? pitfallFor(concept, said, depth) : undefined;
  const criterion = criterionFor(story?.acceptanceCriteria ?? [], said);
  const closing = byLevel(level, {
    beginner: 'Try that, tell me what you find, and ask again for a more concrete hint.',
    intermediate: 'Ask again if you want a more concrete hint.',
    advanced: '',
  });

  // Required parts first; extras fill toward the level's target without passing 160 words.
  const extras = [
    pitfall ? `A common slip here: ${lowerFirst(pitfall)}.` : '',
    criterion ? `Keep the acceptance criterion in view: "${criterion}".` : '',
    concept && depth === 1 && !pitfall
      ? `A common slip here: ${lowerFirst(concept.pitfalls[0] ?? '')}.`
      : '',
    'Work on one change at a time, so you always know which change made the difference.',
    "You don't need the whole answer yet, only the next small fact about your code.",
  ].filter((s) => s && !s.endsWith(': .'));
  const target = byLevel(level, { beginner: 125, intermediate: 105, advanced: 90 });
  const head = `${rulesTag} Hint ${counter} of 3${concept ? ` about ${concept.name}` : ''}:`;
  // Compact forms for long quotes: a one-sentence idea, then no warm-up, closing or story title.
  const forms: Array<{ max: number; lean: boolean }> = [
    { max: byLevel(level, { beginner: 40, intermediate: 35, advanced: 30 }), lean: false },
    { max: 0, lean: false },
    { max: 0, lean: true },
  ];
  const render = (chosen: string[], form: { max: number; lean: boolean }) =>
    [
      `${head} ${opening(form.lean ? { ...parts, level: 'advanced', focus: '' } : parts)}`,
      [idea(form.max), ...chosen].filter(Boolean).join(' '),
      action,
      form.lean ? '' : closing,
      question,
    ]
      .filter(Boolean)
      .join('\n\n');
  const form = forms.find((f) => words(render([], f)) <= 160) ?? forms.at(-1)!;
  const chosen: string[] = [];
  for (const extra of extras) {
    if (words(render(chosen, form)) >= target) break;
    if (words(render([...chosen, extra], form)) <= 158) chosen.push(extra);
  }
  const hint = [idea(form.max), ...chosen, action].filter(Boolean).join(' ');
  return { depth, concept: concept?.id ?? '', hint, question, reply: render(chosen, form) };
}
