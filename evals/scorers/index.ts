/** Every eval scorer; code scorers are ready to use, the judge and schema scorers are factories. */
export { labelAccuracyScorer } from './label-accuracy.ts';
export { macroF1Scorer } from './macro-f1.ts';
export { scoreBandScorer } from './score-band.ts';
export { createSchemaValidityScorer } from './schema-validity.ts';
export { analyzeLeak, createLeakDetectionScorer, defaultLeakOptions, leakDetectionScorer, type LeakGroundTruth, type LeakOptions } from './leak-detection.ts';
export { defaultHintLength, hintLengthScorer, lengthScore, type LengthRange } from './hint-length.ts';
export { readabilityScorer } from './readability.ts';
export { createTutorRubricJudge, normaliseRating, type TutorRubricJudgeOptions } from './tutor-rubric-judge.ts';
