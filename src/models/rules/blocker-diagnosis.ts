import type {
  BlockerCategory,
  BlockerDiagnosis,
} from '../../domain/contracts/blocker-diagnosis.ts';
import { concepts } from '../../domain/concepts/index.ts';
import { matchConcepts } from '../../domain/concepts/match.ts';
import {
  blockerSignals,
  conceptQuestion,
  failureWords,
  namedSubjectQuestion,
  vaguePattern,
  type Signal,
} from './blocker-signals.ts';
import { explainedKinds, hiddenCauseSignals } from './blocker-signals-hidden.ts';
import {
  activitiesOf,
  byLevel,
  clamp,
  codingKinds,
  listing,
  namesTechnicalThing,
  num,
  profileOf,
  quoteAround,
  researchKinds,
  researchSummary,
  round2,
  rulesTag,
  storyOf,
  str,
  strings,
  type Level,
} from './text.ts';

type Scored = Exclude<BlockerCategory, 'unknownIssue'>;

export interface BlockerReading {
  category: BlockerCategory;
  confidence: number;
  /** Strongest sub-problem of the chosen category (e.g. `portInUse`). */
  kind: string;
  evidence: string[];
  scores: Record<Scored, number>;
  /** Concept the message is about, when one matches the library. */
  conceptId: string | undefined;
}

/** Every signal: the general classifiers, then the causes that hide behind a generic error. */
const allSignals: Signal[] = [...blockerSignals, ...hiddenCauseSignals];

/** Tie-breaking order: the more specific, more actionable category first. */
const order: Scored[] = [
  'environmentIssue',
  'technicalError',
  'conceptualConfusion',
  'analysisParalysis',
];

/**
 * Classify a blocker from the learner's message, recent errors and activity. Pure: the same input
 * always gives the same reading.
 */
export function readBlocker(
  input: Record<string, unknown> | undefined,
  fallbackMessage = '',
): BlockerReading {
  const message = str(input?.message) || (input ? '' : fallbackMessage);
  const activity = activitiesOf(input?.activity);
  const failed = activity.filter((a) => a.ok === false);
  const errorTexts = [
    ...strings(input?.recentErrors),
    ...failed.map((a) => a.summary).filter(Boolean),
  ];
  const errors = errorTexts.join('\n');

  const scores: Record<Scored, number> = {
    environmentIssue: 0,
    technicalError: 0,
    conceptualConfusion: 0,
    analysisParalysis: 0,
  };
  const hits: Array<{ signal: Signal; quote: string }> = [];
  for (const signal of allSignals) {
    const sources =
      signal.where === 'errors'
        ? [errors]
        : signal.where === 'message'
          ? [message]
          : [errors, message];
    for (const source of sources) {
      const match = signal.pattern.exec(source);
      if (!match) continue;
      scores[signal.category] += signal.weight;
      hits.push({ signal, quote: quoteAround(source, match.index) });
      break;
    }
  }

  // A hidden environment cause (an unset variable, an old runtime) explains the generic error it
  // surfaced as: the TypeError, its stack trace and the "crash" no longer count for the code.
  const hiddenEnv = hits.some(
    (h) => h.signal.category === 'environmentIssue' && hiddenCauseSignals.includes(h.signal),
  );
  if (hiddenEnv) {
    for (const h of hits) {
      if (h.signal.category === 'technicalError' && explainedKinds.has(h.signal.kind))
        scores.technicalError -= h.signal.weight;
    }
  }

  // Failed checks that no environment signal explains point at the code.
  const envExplained = (text: string) =>
    allSignals.some((s) => s.category === 'environmentIssue' && s.pattern.test(text));
  const codeFailures = failed.filter((a) => codingKinds.test(a.type) && !envExplained(a.summary));
  if (codeFailures.length) {
    scores.technicalError += Math.min(3, codeFailures.length);
    const kind = /lint/.test(codeFailures[0]!.type)
      ? 'lint'
      : /type/.test(codeFailures[0]!.type)
        ? 'types'
        : /build/.test(codeFailures[0]!.type)
          ? 'build'
          : 'failingTest';
    hits.push({
      signal: { category: 'technicalError', kind, weight: 1, where: 'errors', pattern: /$/ },
      quote: codeFailures[0]!.summary || `${codeFailures[0]!.type} failed`,
    });
  }

  // Reading and searching without writing code is the shape of analysis paralysis.
  const research = activity.filter(
    (a) => researchKinds.test(a.type) || (a.type === 'other' && researchSummary.test(a.summary)),
  );
  const coding = activity.filter((a) => codingKinds.test(a.type));
  // Mostly reading with a stray edit (4 docs pages, 1 save) is the same shape, a little weaker.
  const researchHeavy =
    research.length >= 3 &&
    coding.length > 0 &&
    research.length >= 3 * coding.length &&
    !failed.length;
  if ((research.length >= 2 && coding.length === 0) || researchHeavy) {
    scores.analysisParalysis += coding.length ? 1.5 : research.length >= 3 ? 2.5 : 1.5;
    hits.push({
      signal: {
        category: 'analysisParalysis',
        kind: 'endlessResearch',
        weight: 2,
        where: 'any',
        pattern: /$/,
      },
      quote: research
        .map((r) => r.summary || r.type)
        .slice(0, 3)
        .join('; '),
    });
  }

  // A how/why/what question about a programming thing, with nothing failing, asks for an idea; a
  // question already read as a choice ("is it better to use REST or GraphQL?") asks for a decision.
  const quiet = !errors.trim() && !failureWords.test(message) && !vaguePattern.test(message);
  const unread = scores.conceptualConfusion === 0 && scores.analysisParalysis === 0;
  const question =
    quiet && unread && (namesTechnicalThing(message) || namedSubjectQuestion.test(message))
      ? conceptQuestion.exec(message)
      : null;
  if (question) {
    scores.conceptualConfusion += 2;
    hits.push({
      signal: {
        category: 'conceptualConfusion',
        kind: 'howWorks',
        weight: 2,
        where: 'message',
        pattern: conceptQuestion,
      },
      quote: quoteAround(message, question.index),
    });
  }

  // A question about a known concept, without errors, leans conceptual.
  const conceptMatch = matchConcepts(message, concepts)[0];
  if (conceptMatch && !errors.trim() && /\?|\b(?:what|why|how)\b/i.test(message))
    scores.conceptualConfusion += 1;

  const ranked = [...order].sort((a, b) => scores[b] - scores[a]);
  const top = ranked[0]!;
  const best = scores[top];
  const second = scores[ranked[1]!];
  const vague = vaguePattern.test(message);
  if (best < 1.5) {
    const quote = vague
      ? quoteAround(message, message.search(vaguePattern))
      : message.trim().slice(0, 160);
    return {
      category: 'unknownIssue',
      confidence: vague || !message.trim() ? 0.3 : 0.4,
      kind: 'unknown',
      evidence: quote ? [quote] : [],
      scores,
      conceptId: conceptMatch?.concept.id,
    };
  }
  const categoryHits = hits
    .filter((h) => h.signal.category === top)
    .sort((a, b) => b.signal.weight - a.signal.weight);
  const margin = (best - second) / best;
  const confidence = clamp(
    0.45 + 0.08 * Math.min(best, 5) + 0.2 * margin - (margin < 0.25 ? 0.1 : 0),
    0.25,
    0.95,
  );
  return {
    category: top,
    confidence: round2(confidence),
    kind: categoryHits[0]?.signal.kind ?? 'unknown',
    evidence: [...new Set(categoryHits.map((h) => h.quote).filter(Boolean))].slice(0, 3),
    scores,
    conceptId: conceptMatch?.concept.id,
  };
}

const nextStepByKind: Record<string, string> = {
  serviceDown:
    'Check that the service you connect to is running and listening on the host and port your configuration uses; start it, then try again.',
  portInUse:
    'Another process already holds that port: find it (for example `lsof -i :<port>`) and stop it, or configure a different port.',
  permission:
    'Check who owns the file or folder and whether your user may use it; fix the ownership or pick a location you own instead of running the tool as root.',
  commandMissing:
    'Install the missing tool (or the project dependencies) and check it is on your PATH; `which <command>` shows what your shell finds.',
  envVar:
    'Set the missing environment variable (in your shell or the .env file the app loads), add it to the documented example file, and restart the process.',
  packageMissing:
    'Install the dependencies (`npm install`, or add the missing package with the package manager), then run the command again.',
  version:
    'Compare your runtime or tool version with the one the project requires (engines field, .nvmrc) and switch to that version.',
  git: 'The repository, not the code, is in the way: run `git status` and read what it says about the branch and the remote. Rejected push: `git pull --rebase`, then push. No upstream: `git push -u origin <branch>`. Detached HEAD: `git switch -c <new-branch>` keeps your commits on a branch.',
  script:
    'The project has no script by that name: run `npm run` to list the scripts it has, and use one of those (or add the script to package.json if the README expects it).',
  lockfile:
    'package.json and package-lock.json disagree: run `npm install` locally, commit the updated package-lock.json, and run `npm ci` again.',
  toolchain:
    "A native build tool or the system's package rules stop the install, not your code: install the platform's build tools (Xcode Command Line Tools, build-essential, or Visual C++ Build Tools), or use a virtual environment for Python packages, then install again.",
  cache:
    'The package cache is damaged: run `npm cache verify` (or `npm cache clean --force`), delete node_modules, and install again.',
  browserMissing:
    'The test tool cannot find its browser: install it the way the tool says (for example `npx playwright install chromium`), or point the tool at the browser installed on the machine.',
  database:
    'Compare the database connection settings (name, user, password) with the running server, and create the database or user if it does not exist.',
  network:
    'Check that the host is reachable from your machine: the DNS name, proxy settings and certificates.',
  resources:
    'Free the exhausted resource (disk space, memory, open files) or make the process use less, then try again.',
  setup:
    "Write down the setup step that fails with its full output, and compare it with the project's setup instructions step by step.",
  runtime:
    'Open the first stack-trace line that points into your own code and print the value used there just before the failing line.',
  syntax:
    'Go to the line the error names, and the line before it, and look for an unclosed bracket or quote or a missing comma.',
  types:
    'Read both types in the message, the one you have and the one expected, and fix whichever is wrong instead of casting.',
  failingTest:
    'Compare "expected" with "received" in the failing assertion, then call the code by hand with the same input to see whether the code or the expectation is wrong.',
  relativeImport:
    'Check the relative import path from the importing file (folder depth, file name, extension) against where the file really is.',
  build:
    'Fix only the first build error, then build again: later errors often follow from the first one.',
  lint: 'Run the linter on the file and fix the reported rules one at a time; each rule name says what it wants.',
  wrongResult:
    'Write a small failing test with one concrete input and the output you expect, then trace where the value first goes wrong.',
  stackTrace:
    'Open the first stack-trace line that points into your own code and check the values used there.',
  dontUnderstand:
    'Go through the concept with a small example first, answer the check question, then come back to the code.',
  whatIs:
    'Go through the concept with a small example first, answer the check question, then come back to the code.',
  howWorks:
    'Go through the concept with a small example first, answer the check question, then come back to the code.',
  misconception:
    'Your code is doing what the language says, not what you expected: write a three-line example of just that construct, predict what it prints, run it, and compare. Then we can look at the rule behind it.',
  newTo:
    'Go through the concept with a small example first, answer the check question, then come back to the code.',
  whereToStart:
    'Pick the smallest acceptance criterion and spend 25 minutes making only that work, with one test. Decisions can be revisited later.',
  indecision:
    'Pick the simplest option that meets the acceptance criteria, note why, and time-box it to 25 minutes; you can change course once you have learned something.',
  endlessResearch:
    'Stop reading for now: write the smallest piece of code for one acceptance criterion and run it. Go back to the docs only for a specific question.',
  unknown:
    'Tell me what you tried, what you expected, what happened instead, and paste the exact error output, so we can pin the problem down.',
};

const categoryLabel: Record<BlockerCategory, string> = {
  technicalError: 'a technical error in the code',
  conceptualConfusion: 'a concept that is not clear yet',
  environmentIssue: 'a problem with the environment (machine, tools or services), not your code',
  analysisParalysis: 'too many open decisions and no first step yet',
  unknownIssue: 'not clear from what I can see',
};

/** Rules-mode blocker-diagnosis agent. */
export function diagnoseBlocker(
  input: Record<string, unknown> | undefined,
  message: string,
): BlockerDiagnosis {
  const reading = readBlocker(input, message);
  const { level } = profileOf(input);
  const story = storyOf(input);
  let nextStep = nextStepByKind[reading.kind] ?? nextStepByKind.unknown!;
  const concept = reading.conceptId ? concepts.find((c) => c.id === reading.conceptId) : undefined;
  if (reading.category === 'conceptualConfusion' && concept)
    nextStep = `Go through ${concept.name} with a small example, answer the check question, then come back to the code.`;
  if (reading.category === 'analysisParalysis' && story?.acceptanceCriteria[0]) {
    nextStep = `Start with one acceptance criterion: "${story.acceptanceCriteria[0]}". Spend 25 minutes making only that work, with one test.`;
  }
  const minutes = num(input?.minutesStuck);
  const summary = `Looks like ${categoryLabel[reading.category]}${reading.evidence.length ? `, based on: ${listing(reading.evidence.map((e) => `"${e}"`))}` : ''}.`;
  return {
    category: reading.category,
    confidence: reading.confidence,
    evidence: reading.evidence,
    summary,
    nextStep,
    reply: renderReply(level, reading.category, summary, nextStep, minutes),
  };
}

function renderReply(
  level: Level,
  category: BlockerCategory,
  summary: string,
  nextStep: string,
  minutes: number | undefined,
): string {
  const opener = byLevel(level, {
    beginner: `${rulesTag} Being stuck${minutes ? ` for ${Math.round(minutes)} minutes` : ''} is normal, and we can get you moving again. ${summary}`,
    intermediate: `${rulesTag} ${summary}`,
    advanced: `${rulesTag} ${summary}`,
  });
  const step = byLevel(level, {
    beginner: `Next step: ${nextStep} Tell me what you see after that.`,
    intermediate: `Next step: ${nextStep}`,
    advanced: `Suggested: ${nextStep}`,
  });
  const ask =
    category === 'unknownIssue'
      ? ''
      : byLevel(level, {
          beginner: '',
          intermediate: ' If that does not match what you see, tell me what you expected instead.',
          advanced: '',
        });
  return `${opener}\n\n${step}${ask}`;
}
