import type { Queryable } from '../transaction.ts';
import type { Checkpoint } from './types.ts';

/** Store a completed phase's checkpoint (replacing an earlier attempt's). */
export async function saveCheckpoint(
  db: Queryable,
  runId: string,
  checkpoint: Omit<Checkpoint, 'completedAt'>,
): Promise<void> {
  await db.query(
    `insert into implementation_checkpoints (run_id, phase, attempt, output, duration_ms) values ($1, $2, $3, $4, $5)
     on conflict (run_id, phase) do update set attempt = excluded.attempt, output = excluded.output,
       duration_ms = excluded.duration_ms, completed_at = now()`,
    [
      runId,
      checkpoint.phase,
      checkpoint.attempt,
      JSON.stringify(checkpoint.output),
      Math.round(checkpoint.durationMs),
    ],
  );
}
