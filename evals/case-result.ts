import type { TutorDimension } from './dataset-schemas.ts';
import type { ScoreBand } from './metrics.ts';

/** Everything measured on one dataset case; the report aggregates these per agent. */
export interface CaseResult {
  caseId: string;
  /** Where the case came from. */
  dataset: string;
  /** The agent (or, for safety cases, the `safety` pipeline) the case measures. */
  agentId: string;
  /** The call failed (after rules fallback): the case counts as wrong and schema-invalid. */
  error?: string;
  /** Classifier label in the dataset, and the agent's. */
  expected?: string;
  predicted?: string;
  /** The label accuracy scorer's verdict on this case. */
  correct?: boolean;
  /** Numeric score the agent gave (plan reviews) and the band it should fall in. */
  score?: number;
  band?: ScoreBand;
  bandHit?: boolean;
  schemaValid: boolean;
  /** Leak check of the learner-facing text (cases with a reference solution only). */
  leak?: { leaked: boolean; reasons: string[] };
  /** Reply length and readability (hint and explanation cases). */
  words?: number;
  lengthScore?: number;
  readability?: number;
  /** `@mastra/evals` completeness of the reply against the learner's message (hint and explanation cases). */
  completeness?: number;
  /** `@mastra/evals` toxicity of the reply (0 = none), when a judge is configured. */
  toxicity?: number;
  /** LLM-judge ratings (1–5) and the judge's 0–1 score, when a judge is configured. */
  judge?: { score: number; ratings: Partial<Record<TutorDimension, number>> };
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  model?: string;
  fallback?: boolean;
  /** The learner-facing reply (truncated), for the HTML report's case list. */
  reply?: string;
}
