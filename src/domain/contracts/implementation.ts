import { z } from 'zod';
import { planRequestSchema, planSchema } from './plan.ts';

export const implementationInputSchema = planRequestSchema.extend({ plan: planSchema });
export type ImplementationInput = z.input<typeof implementationInputSchema>;

/** Seed 003's implementation phase output (metrics are computed by the workflow, not the model). */
export const implementationSchema = z.object({
  implementation: z.string(),
  documentation: z.string(),
  tests: z.array(z.string()),
  notes: z.array(z.string()),
});
export type Implementation = z.infer<typeof implementationSchema>;
