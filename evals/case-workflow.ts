import { createStep, createWorkflow } from '@mastra/core/workflows';
import { z } from 'zod';

/**
 * The target runEvals runs once per case: a one-step Mastra workflow whose `answer` step calls the
 * agent for the case (through the run's adapter, so `runAgentAction` with its leak guard, rules
 * fallback and usage) and returns what the scorers read. Agents are not a runEvals target here
 * because `Agent.generate` would skip that path. Built per run, since the step closes over the
 * run's adapter; the case is validated against its dataset schema on the way in.
 */
export function caseWorkflow<C>(
  id: string,
  caseSchema: z.ZodType<C>,
  answer: (c: C) => Promise<unknown>,
) {
  const inputSchema = caseSchema as z.ZodType<unknown>;
  const outputSchema = z.unknown();
  const step = createStep({
    id: 'answer',
    inputSchema,
    outputSchema,
    execute: ({ inputData }) => answer(inputData as C),
  });
  return createWorkflow({ id, inputSchema, outputSchema }).then(step).commit();
}
