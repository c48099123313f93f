/**
 * An implementation run as it is stored (seed 003): its phases and statuses, the input it was
 * started with and the metrics it ends with, its artifacts' kinds and its event log. The workflow
 * (workflows/implementation), the run service (src/runs) and the SQL (src/db/runs) share them.
 */
import { z } from 'zod';

/** The workflow's phases in execution order; `approval` is the optional human gate before implementing. */
export const phases = ['plan', 'review', 'refine', 'approval', 'implement'] as const;
export const phaseSchema = z.enum(phases);
export type Phase = z.infer<typeof phaseSchema>;

/** The phase's position in `phases` (earlier phases run first). */
export function phaseIndex(phase: Phase): number {
  return phases.indexOf(phase);
}

/** Seed 003's workflow input, plus the approval gate switch and the refinement bound. */
export const implementationInputSchema = z.object({
  request: z.string().trim().min(1, 'expected a non-empty request').max(10_000),
  requirements: z
    .array(z.string().trim().min(1, 'expected a non-empty requirement').max(2_000))
    .max(100),
  constraints: z
    .array(z.string().trim().min(1, 'expected a non-empty constraint').max(2_000))
    .max(100)
    .optional(),
  /** Wait for a human to approve the reviewed plan before implementing it. */
  approval: z.boolean().optional(),
  /**
   * Who approves this run and who is told when nobody answers in time (default: APPROVAL_APPROVERS,
   * APPROVAL_ESCALATE_TO): comma lists of e-mail addresses, mentor ids or `oncall`.
   */
  approvers: z.string().trim().min(1, 'expected a comma list of recipients').max(1_000).optional(),
  escalateTo: z.string().trim().min(1, 'expected a comma list of recipients').max(1_000).optional(),
  /** Refine-and-review rounds allowed while the score stays below 80; the run fails past it. */
  maxRefinements: z.number().int().min(0).max(10).optional(),
});
export type ImplementationInput = z.infer<typeof implementationInputSchema>;

export const implementationMetricsSchema = z.object({
  /** Review score (0–100) of the plan that was implemented. */
  planScore: z.number(),
  /** Milliseconds the implementation phase took. */
  implementationTime: z.number(),
  /** Share (0–100) of the requirements that at least one generated test names. */
  testCoverage: z.number(),
});
export type ImplementationMetrics = z.infer<typeof implementationMetricsSchema>;

/** Run status as the API reports it (seed 003 uses `in_progress`). */
export const runStatuses = [
  'queued',
  'in_progress',
  'awaiting_approval',
  'completed',
  'failed',
  'rejected',
] as const;
export type RunStatus = (typeof runStatuses)[number];
/** Statuses a run ends in (until a restart). */
export const terminalStatuses: readonly RunStatus[] = ['completed', 'failed', 'rejected'];

/** What the workflow stores per phase; step outputs carry only the ids. */
export type ArtifactKind = 'plan' | 'review' | 'refinement' | 'implementation';

/** Why a step call was retried (seed 003 retries on these two only). */
export type RetryReason = 'rateLimit' | 'timeout';

/**
 * One agent call of a run as seed 003's "Agent Performance" counts it: who answered (the model, or
 * `rules/…` when rules mode did), its tokens and latency, and whether rules mode stood in for a
 * configured model that failed.
 */
export interface AgentCallFigures {
  agentId: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  fallback: boolean;
}

/**
 * Everything that happens to a run, in its event log. `phase.completed` is seed 003's inter-phase
 * event; `nextPhase` is null when nothing follows (the run ends, or fails on the refinement bound).
 */
export type RunEventBody =
  | { type: 'run.queued'; data: { attempt: number } }
  | { type: 'run.started'; data: { attempt: number; mastraRunId: string } }
  | { type: 'phase.started'; data: { phase: Phase; iteration?: number } }
  | {
      type: 'phase.completed';
      data: {
        phase: Phase;
        score?: number;
        nextPhase: Phase | null;
        artifactId?: string;
        iteration?: number;
        durationMs: number;
      };
    }
  | {
      type: 'step.retry';
      data: {
        phase: Phase;
        attempt: number;
        delayMs: number;
        reason: RetryReason;
        message: string;
      };
    }
  | { type: 'agent.called'; data: AgentCallFigures & { phase: Phase } }
  | {
      type: 'approval.requested';
      data: {
        approver: string;
        timeoutAt: string;
        escalateTo: string;
        score: number;
        planId: string;
      };
    }
  | { type: 'approval.escalated'; data: { target: string; waitedMs: number } }
  | { type: 'approval.answered'; data: { approved: boolean; comment?: string } }
  | { type: 'run.completed'; data: { metrics: ImplementationMetrics; implementationId: string } }
  | {
      type: 'run.failed';
      data: { phase: Phase | null; code: string; reason?: string; message: string };
    }
  | { type: 'run.rejected'; data: { comment?: string } }
  | { type: 'run.restarted'; data: { fromPhase: Phase; attempt: number; reused: Phase[] } }
  | { type: 'run.recovered'; data: { attempt: number; reused: Phase[] } };

export type RunEventType = RunEventBody['type'];

/** A stored event: its number in the run (1, 2, …, in commit order) and when it was written. */
export type RunEvent = RunEventBody & { runId: string; seq: number; at: string };
