import { phaseIndex, phases, type Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

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
