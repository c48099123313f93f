import { phaseIndex, type Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';
import type { Checkpoint } from './types.ts';

interface CheckpointRow {
  phase: Phase;
  attempt: number;
  output: unknown;
  duration_ms: number;
  completed_at: Date;
}

/** A run's checkpoints, in phase order. */
export async function listCheckpoints(db: Queryable, runId: string): Promise<Checkpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    'select phase, attempt, output, duration_ms, completed_at from implementation_checkpoints where run_id = $1',
    [runId],
  );
  return rows
    .map((r) => ({
      phase: r.phase,
      attempt: r.attempt,
      output: r.output,
      durationMs: r.duration_ms,
      completedAt: r.completed_at.toISOString(),
    }))
    .sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase));
}
