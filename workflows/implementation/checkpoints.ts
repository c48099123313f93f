import type { Queryable } from '../../src/db/transaction.ts';
import type { PhaseHistory } from './progress.ts';
import { phaseIndex, phases, type Phase } from './schemas.ts';

/** A completed phase: its step output (ids and scores) and how long it took. */
export interface Checkpoint<T = unknown> {
  phase: Phase;
  attempt: number;
  output: T;
  durationMs: number;
  completedAt: string;
}

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

interface CheckpointRow {
  phase: Phase;
  attempt: number;
  output: unknown;
  duration_ms: number;
  completed_at: Date;
}

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

export async function loadCheckpoint<T>(
  db: Queryable,
  runId: string,
  phase: Phase,
): Promise<Checkpoint<T> | undefined> {
  const all = await listCheckpoints(db, runId);
  return all.find((c) => c.phase === phase) as Checkpoint<T> | undefined;
}

/** Forget the checkpoints of `fromPhase` and every later phase, so a restart runs them again. */
export async function dropCheckpointsFrom(
  db: Queryable,
  runId: string,
  fromPhase: Phase,
): Promise<void> {
  await db.query('delete from implementation_checkpoints where run_id = $1 and phase = any($2)', [
    runId,
    phases.slice(phaseIndex(fromPhase)),
  ]);
}

/** Median phase durations of recently completed phases (all runs), for progress estimates. */
export async function recentPhaseDurations(db: Queryable, sample = 50): Promise<PhaseHistory> {
  const { rows } = await db.query<{
    phase: Phase;
    median_ms: number;
    per_iteration_ms: number | null;
  }>(
    `select phase,
            percentile_cont(0.5) within group (order by duration_ms) as median_ms,
            -- A refine checkpoint times its last round; skipped refinements (0 rounds) say nothing about rounds.
            percentile_cont(0.5) within group (order by duration_ms) filter (where (output->>'refinements')::int > 0) as per_iteration_ms
     from (
       select phase, duration_ms, output, row_number() over (partition by phase order by completed_at desc) as n
       from implementation_checkpoints
     ) recent
     where n <= $1
     group by phase`,
    [sample],
  );
  const out: PhaseHistory = {};
  for (const r of rows)
    out[r.phase] = {
      medianMs: Number(r.median_ms),
      ...(r.per_iteration_ms != null ? { perIterationMs: Number(r.per_iteration_ms) } : {}),
    };
  return out;
}
