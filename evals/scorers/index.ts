/**
 * Every eval scorer; code scorers are ready to use, the judge and schema scorers are factories.
 * `bindScorer` adapts one to the case runs of runEvals; `prebuilt.ts` holds the `@mastra/evals` ones used.
 */
export { labelAccuracyScorer } from './label-accuracy.ts';
export { macroF1Scorer } from './macro-f1.ts';
export { scoreBandScorer } from './score-band.ts';
export { createSchemaValidityScorer } from './schema-validity.ts';
export {
  analyzeLeak,
  createLeakDetectionScorer,
  defaultLeakOptions,
  leakDetectionScorer,
  type LeakGroundTruth,
  type LeakOptions,
} from './leak-detection.ts';
export {
  defaultHintLength,
  hintLengthScorer,
  lengthScore,
  type LengthRange,
} from './hint-length.ts';
export { readabilityScorer } from './readability.ts';
export {
  createTutorRubricJudge,
  normaliseRating,
  type TutorRubricJudgeOptions,
} from './tutor-rubric-judge.ts';
export { bindScorer, boundResult, type BoundResult, type PickedRun } from './bind-scorer.ts';
export { asAgentRun, completenessScorer, createReplyToxicityScorer } from './prebuilt.ts';
