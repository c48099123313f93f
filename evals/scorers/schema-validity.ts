import { createScorer } from '@mastra/core/evals';
import type { z } from 'zod';
import { issuePath } from '../../src/errors/zod-error.ts';

/**
 * A scorer that gives 1 when the agent's structured output (`output`) parses with `schema`, else 0,
 * naming the first failing field in the reason. One per agent output schema.
 */
export function createSchemaValidityScorer(options: {
  id?: string;
  schema: z.ZodType;
  schemaName?: string;
}) {
  const name = options.schemaName ?? 'output schema';
  return createScorer<unknown, unknown>({
    id: options.id ?? 'schema-validity',
    name: 'Schema validity',
    description: `1 when the output parses with the ${name}, else 0.`,
  })
    .analyze(({ run }) => {
      const parsed = options.schema.safeParse(run.output);
      if (parsed.success) return { valid: true as const, issue: undefined };
      const issue = parsed.error.issues[0]!;
      return { valid: false as const, issue: `${issuePath(issue) ?? '(root)'}: ${issue.message}` };
    })
    .generateScore(({ results }) => (results.analyzeStepResult.valid ? 1 : 0))
    .generateReason(({ results }) =>
      results.analyzeStepResult.valid
        ? `valid ${name}`
        : `invalid ${name}: ${results.analyzeStepResult.issue}`,
    );
}
