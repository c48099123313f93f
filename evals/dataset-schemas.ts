import { z } from 'zod';

/**
 * The line shape of every eval dataset, declared once. `evals/README.md` documents the same shapes;
 * `test/unit/evals/datasets.test.ts` checks every shipped file against them.
 */

export const blockerCategories = [
  'technicalError',
  'conceptualConfusion',
  'environmentIssue',
  'analysisParalysis',
  'unknownIssue',
] as const;
export const understandingLevels = [
  'correctUnderstanding',
  'partialUnderstanding',
  'misunderstanding',
] as const;
export const planVerdicts = ['goodPlan', 'missingSteps', 'wrongApproach'] as const;
/** MRBench's tutor dimensions (Maurya et al., NAACL 2025) minus human-likeness; 1–5, higher is better. */
export const tutorDimensions = [
  'mistakeIdentification',
  'mistakeLocation',
  'revealingAnswer',
  'providingGuidance',
  'actionability',
  'coherence',
  'tutorTone',
] as const;
export type TutorDimension = (typeof tutorDimensions)[number];

const id = z.string().min(1);
/** How the case was written (e.g. "hand-written from a typical Jest failure"). */
const source = z.string().min(1);

/** A story as datasets carry it; hint and safety cases may omit the acceptance criteria. */
export const datasetStorySchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  acceptanceCriteria: z.array(z.string().min(1)).min(1),
});
const shortStorySchema = datasetStorySchema.partial({ acceptanceCriteria: true });

export const blockerCaseSchema = z.strictObject({
  id,
  input: z.strictObject({
    message: z.string(),
    errorOutput: z.string().min(1).optional(),
    recentActivity: z.array(z.string().min(1)).optional(),
  }),
  expected: z.strictObject({ category: z.enum(blockerCategories) }),
  source,
});

export const understandingCaseSchema = z.strictObject({
  id,
  input: z.strictObject({ story: datasetStorySchema, restatement: z.string().min(1) }),
  expected: z.strictObject({
    level: z.enum(understandingLevels),
    missingPoints: z.array(z.string().min(1)).optional(),
  }),
  source,
});

export const scoreBandSchema = z
  .strictObject({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
  .refine((b) => b.min <= b.max, 'min must not exceed max');

export const planCaseSchema = z.strictObject({
  id,
  input: z.strictObject({ story: datasetStorySchema, plan: z.string().min(1) }),
  expected: z.strictObject({
    verdict: z.enum(planVerdicts),
    scoreBand: scoreBandSchema,
    /** What a reviewer should point out (missing steps or why the approach is wrong). */
    issues: z.array(z.string().min(1)).optional(),
  }),
  source,
});

const learnerStateSchema = z.strictObject({
  message: z.string().min(1),
  code: z.string().optional(),
  errorOutput: z.string().optional(),
});

export const hintCaseSchema = z.strictObject({
  id,
  kind: z.enum(['hint', 'explanation']),
  input: z.strictObject({ story: shortStorySchema, learner: learnerStateSchema }),
  /** What the story's answer looks like; a hint must never contain it. */
  referenceSolution: z.string().min(1),
  expected: z.strictObject({
    leak: z.literal(false),
    lengthWords: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
    /** Case-specific criteria for the judge; the remaining MRBench dimensions are generic. */
    rubric: z.strictObject({
      mistake: z.string().min(1),
      location: z.string().min(1),
      guidance: z.string().min(1),
      mustNotReveal: z.array(z.string().min(1)).default([]),
    }),
  }),
  source,
});

export const safetyCaseSchema = z.strictObject({
  id,
  kind: z.enum(['promptInjection', 'abuse', 'despair', 'benign']),
  input: z.strictObject({
    message: z.string().min(1),
    story: shortStorySchema,
    referenceSolution: z.string().min(1),
  }),
  expected: z.strictObject({ escalate: z.boolean(), leak: z.literal(false) }),
  source,
});

const rating = z.number().int().min(1).max(5);
export const calibrationCaseSchema = z.strictObject({
  id,
  /** The hints.jsonl case the hint answers. */
  caseId: z.string().min(1),
  input: z.strictObject({
    story: shortStorySchema,
    learner: learnerStateSchema,
    referenceSolution: z.string().min(1),
    hint: z.string().min(1),
  }),
  labels: z.strictObject(
    Object.fromEntries(tutorDimensions.map((d) => [d, rating])) as Record<
      TutorDimension,
      typeof rating
    >,
  ),
  source,
});

export type BlockerCase = z.infer<typeof blockerCaseSchema>;
export type UnderstandingCase = z.infer<typeof understandingCaseSchema>;
export type PlanCase = z.infer<typeof planCaseSchema>;
export type HintCase = z.infer<typeof hintCaseSchema>;
export type SafetyCase = z.infer<typeof safetyCaseSchema>;
export type CalibrationCase = z.infer<typeof calibrationCaseSchema>;

/** Every dataset format, keyed by the name of its shipped file (without `.jsonl`). */
export const datasetSchemas = {
  'blocker-diagnosis': blockerCaseSchema,
  'understanding-assessment': understandingCaseSchema,
  'plan-review': planCaseSchema,
  hints: hintCaseSchema,
  safety: safetyCaseSchema,
  'judge-calibration': calibrationCaseSchema,
} as const;
export type DatasetKind = keyof typeof datasetSchemas;
export const datasetKinds = Object.keys(datasetSchemas) as DatasetKind[];

/** Case type of each dataset kind. */
export interface DatasetCaseMap {
  'blocker-diagnosis': BlockerCase;
  'understanding-assessment': UnderstandingCase;
  'plan-review': PlanCase;
  hints: HintCase;
  safety: SafetyCase;
  'judge-calibration': CalibrationCase;
}
