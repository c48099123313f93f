import { z } from 'zod';

/** The approval timeout task's payload (src/db/runs/approval-timeout-job.ts schedules it). */
export const approvalTimeoutPayloadSchema = z.object({
  runId: z.string().min(1),
  /** The attempt that asked; a later attempt's request has its own job. */
  attempt: z.number().int().min(1),
  escalateTo: z.string().min(1),
});
export type ApprovalTimeoutPayload = z.infer<typeof approvalTimeoutPayloadSchema>;
