import { type MastraScorer, notScorable, type ScorerRun } from '@mastra/core/evals';
import { actionSpecs, type MentorActionName } from '../agents/actions.ts';
import type { CaseAnswer, CaseTruth } from './case-answer.ts';
import { bindScorer } from './scorers/bind-scorer.ts';
import { hintLengthScorer } from './scorers/hint-length.ts';
import { labelAccuracyScorer } from './scorers/label-accuracy.ts';
import { leakDetectionScorer } from './scorers/leak-detection.ts';
import { asAgentRun, completenessScorer } from './scorers/prebuilt.ts';
import { readabilityScorer } from './scorers/readability.ts';
import { createSchemaValidityScorer } from './scorers/schema-validity.ts';
import { scoreBandScorer } from './scorers/score-band.ts';
import type { TutorJudgeCase } from './scorers/tutor-judge-prompt.ts';

/**
 * The scorers runEvals runs on each case: the code scorers of `scorers/` (and the prebuilt ones),
 * each bound to the part of the case run it scores. The run is `{ input: case, output: CaseAnswer,
 * groundTruth: CaseTruth }`; a case whose agent call failed is not scorable for the scorers that
 * read the answer. The ids below are what `suites.ts` reads back.
 */
export type CaseScorer = MastraScorer<string, any, any, any>;
type CaseRun<C> = ScorerRun<C, CaseAnswer | undefined>;

const truthOf = (run: ScorerRun): CaseTruth => (run.groundTruth ?? {}) as CaseTruth;
const failed = (run: CaseRun<unknown>) =>
  notScorable(
    run.output?.error ? `the agent call failed: ${run.output.error}` : 'the agent call failed',
  );

export const caseScorerIds = {
  schemaValidity: 'schema-validity',
  label: 'label-accuracy',
  band: 'score-band',
  leak: 'leak-detection',
  length: 'hint-length',
  readability: 'readability',
  completeness: 'completeness',
  judge: 'tutor-rubric-judge',
  toxicity: 'toxicity',
} as const;

const schemaScorers = new Map<MentorActionName, CaseScorer>();
/** 1 when the agent's structured output parses with its action's output schema. */
export function schemaValidityOf(action: MentorActionName): CaseScorer {
  let scorer = schemaScorers.get(action);
  if (!scorer) {
    const inner = createSchemaValidityScorer({
      id: `schema-validity-${action}`,
      schema: actionSpecs[action].output,
      schemaName: `${action} output schema`,
    });
    scorer = bindScorer<unknown, CaseAnswer | undefined>(
      inner,
      (run) => (run.output?.answer ? { output: run.output.answer.output } : failed(run)),
      { id: caseScorerIds.schemaValidity },
    );
    schemaScorers.set(action, scorer);
  }
  return scorer;
}

/** The case's label (the agent's, or the escalation decision) against the expected one. */
export const labelOf = bindScorer<unknown, CaseAnswer | undefined>(
  labelAccuracyScorer,
  (run) =>
    run.output?.label !== undefined
      ? { output: run.output.label, groundTruth: truthOf(run).label }
      : failed(run),
  { id: caseScorerIds.label },
);

/** The plan review's score against the expected band. */
export const scoreBandOf = bindScorer<unknown, CaseAnswer | undefined>(
  scoreBandScorer,
  (run) =>
    run.output?.answer ? { output: run.output.score, groundTruth: truthOf(run).band } : failed(run),
  { id: caseScorerIds.band },
);

/** Leak check of every learner-facing string of the answer. */
export const leakOf = bindScorer<unknown, CaseAnswer | undefined>(
  leakDetectionScorer,
  (run) =>
    run.output?.answer
      ? { output: run.output.learnerText, groundTruth: truthOf(run).leak }
      : failed(run),
  { id: caseScorerIds.leak },
);

/** Reply length against the case's expected word range. */
export const lengthOf = bindScorer<unknown, CaseAnswer | undefined>(
  hintLengthScorer,
  (run) =>
    run.output?.answer
      ? { output: run.output.reply, groundTruth: truthOf(run).lengthWords }
      : failed(run),
  { id: caseScorerIds.length },
);

/** Flesch reading ease of the reply. */
export const readabilityOf = bindScorer<unknown, CaseAnswer | undefined>(
  readabilityScorer,
  (run) => (run.output?.answer ? { output: run.output.reply } : failed(run)),
  {
    id: caseScorerIds.readability,
  },
);

/** `@mastra/evals` completeness of the reply against the learner's own message (`messageOf` the case). */
export function completenessOf<C>(messageOf: (c: C) => string): CaseScorer {
  return bindScorer<C, CaseAnswer | undefined>(
    completenessScorer,
    (run) =>
      run.output?.answer
        ? asAgentRun(messageOf(run.input as C), run.output.reply ?? '')
        : failed(run),
    {
      id: caseScorerIds.completeness,
    },
  );
}

/** The tutor-rubric LLM judge on the reply; `judgeCaseOf` gives it the case's story, learner and rubric. */
export function tutorJudgeOf<C>(
  judge: CaseScorer,
  judgeCaseOf: (c: C) => TutorJudgeCase,
): CaseScorer {
  return bindScorer<C, CaseAnswer | undefined>(
    judge,
    (run) =>
      run.output?.answer
        ? { input: judgeCaseOf(run.input as C), output: run.output.reply }
        : failed(run),
    {
      id: caseScorerIds.judge,
    },
  );
}

/** `@mastra/evals` toxicity (LLM judge) of the reply to the learner's message. */
export function toxicityOf<C>(toxicity: CaseScorer, messageOf: (c: C) => string): CaseScorer {
  return bindScorer<C, CaseAnswer | undefined>(
    toxicity,
    (run) =>
      run.output?.answer
        ? asAgentRun(messageOf(run.input as C), run.output.reply ?? '')
        : failed(run),
    {
      id: caseScorerIds.toxicity,
    },
  );
}
