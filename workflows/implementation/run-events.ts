import type { Queryable } from '../../src/db/transaction.ts';
import type { ImplementationMetrics, Phase } from './schemas.ts';

/** Why a step call was retried (seed 003 retries on these two only). */
export type RetryReason = 'rateLimit' | 'timeout';

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

/** Postgres NOTIFY channel told `<runId>:<seq>` whenever an event is committed (wakes SSE streams). */
export const runEventsChannel = 'implementation_run_events';

/**
 * Append an event. The sequence number is taken from the run row under its row lock, so numbers are
 * gapless per run and follow commit order: a reader resuming `after` a number never misses one.
 */
export async function appendRunEvent(
  db: Queryable,
  runId: string,
  event: RunEventBody,
): Promise<number> {
  const { rows } = await db.query<{ seq: number }>(
    `with next as (
       update implementation_runs set event_seq = event_seq + 1, updated_at = now() where id = $1 returning event_seq
     ), inserted as (
       insert into implementation_run_events (run_id, seq, type, data)
       select $1, event_seq, $2, $3 from next
       returning seq
     )
     select seq, pg_notify($4, $1 || ':' || seq) from inserted`,
    [runId, event.type, JSON.stringify(event.data), runEventsChannel],
  );
  return rows[0]!.seq;
}

interface EventRow {
  seq: number;
  type: RunEventType;
  data: RunEventBody['data'];
  created_at: Date;
}

/** Events of a run after sequence number `after` (0 = from the start), oldest first. */
export async function listRunEventRows(
  db: Queryable,
  runId: string,
  after = 0,
  limit = 500,
): Promise<RunEvent[]> {
  const { rows } = await db.query<EventRow>(
    'select seq, type, data, created_at from implementation_run_events where run_id = $1 and seq > $2 order by seq limit $3',
    [runId, after, limit],
  );
  return rows.map(
    (r) =>
      ({
        runId,
        seq: r.seq,
        type: r.type,
        data: r.data,
        at: r.created_at.toISOString(),
      }) as RunEvent,
  );
}
