import type { Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** Record a run's first attempt (`start`): its Mastra run id is the run id. */
export async function insertFirstAttempt(db: Queryable, runId: string): Promise<void> {
  await db.query(
    "insert into implementation_run_attempts (mastra_run_id, run_id, attempt, reason) values ($1, $1, 1, 'start')",
    [runId],
  );
}

/** Record a later attempt of a run (a restart from a phase, or a recovery). */
export async function insertAttempt(
  db: Queryable,
  attempt: {
    mastraRunId: string;
    runId: string;
    attempt: number;
    reason: 'restart' | 'recovery';
    fromPhase: Phase | null;
  },
): Promise<void> {
  await db.query(
    'insert into implementation_run_attempts (mastra_run_id, run_id, attempt, reason, from_phase) values ($1, $2, $3, $4, $5)',
    [attempt.mastraRunId, attempt.runId, attempt.attempt, attempt.reason, attempt.fromPhase],
  );
}
