import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../src/errors/app-error.ts';
import { parseOrThrow } from '../src/errors/zod-error.ts';
import type { AgentReport, EvalReport } from './report.ts';

/** Metrics a threshold may name: the numeric fields of an agent's report. */
export const thresholdMetrics = [
  'accuracy',
  'macroF1',
  'bandHitRate',
  'schemaValidity',
  'leakRate',
  'lengthHitRate',
  'meanReadability',
  'completeness',
  'toxicity',
  'meanLatencyMs',
  'errors',
] as const;
type ThresholdMetric = (typeof thresholdMetrics)[number];

const boundSchema = z
  .strictObject({ min: z.number().optional(), max: z.number().optional() })
  .refine((b) => b.min !== undefined || b.max !== undefined, 'give min or max');

/** `{ "<agent id>": { "<metric>": { "min"?: n, "max"?: n } } }` — see `evals/thresholds.json`. */
export const thresholdsSchema = z.record(
  z.string(),
  z.partialRecord(z.enum(thresholdMetrics), boundSchema),
);
export type Thresholds = z.infer<typeof thresholdsSchema>;

export async function loadThresholds(file: string): Promise<Thresholds> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('NOT_FOUND', `thresholds file ${file} cannot be read`, {
      field: 'thresholds',
      cause: err,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('VALIDATION_ERROR', `${file}: invalid JSON: ${(err as Error).message}`, {
      field: 'thresholds',
      cause: err,
    });
  }
  // "$comment" keys document the file; they are not agents.
  const withoutComments = Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(([k]) => !k.startsWith('$')),
  );
  return parseOrThrow(thresholdsSchema, withoutComments, 'thresholds');
}

/**
 * Thresholds the report misses. Only agents present in the report are checked (a run filtered with
 * `--agent` is not failed for the others); a metric the agent should have but did not measure fails.
 */
export function checkThresholds(
  report: Pick<EvalReport, 'agents'>,
  thresholds: Thresholds,
): EvalReport['thresholdFailures'] {
  const failures: EvalReport['thresholdFailures'] = [];
  for (const [agent, bounds] of Object.entries(thresholds)) {
    const measured: AgentReport | undefined = report.agents[agent];
    if (!measured) continue;
    for (const [metric, bound] of Object.entries(bounds) as [
      ThresholdMetric,
      { min?: number; max?: number },
    ][]) {
      const value = measured[metric];
      const missed =
        value === null ||
        (bound.min !== undefined && value < bound.min) ||
        (bound.max !== undefined && value > bound.max);
      if (missed) failures.push({ agent, metric, value, ...bound });
    }
  }
  return failures;
}
