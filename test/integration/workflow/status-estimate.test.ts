import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRunService } from '../../../src/runs/run-service.ts';
import { closeHarnesses, harness, pool, sampleInput } from './support/harness.ts';

afterEach(closeHarnesses);
afterAll(() => pool.end());

const minute = 60_000;

/** A run row as a process that died mid-phase leaves it: nothing updated for `idleMinutes`. */
async function insertRun(
  status: string,
  idleMinutes: number,
): Promise<{ id: string; since: Date }> {
  const id = `wf_${randomBytes(12).toString('hex')}`;
  const { rows } = await pool.query<{ since: Date }>(
    `insert into implementation_runs
       (id, mastra_run_id, status, current_phase, phase_started_at, input, updated_at, completed_at)
     values ($1, $1, $2, 'plan', now() - make_interval(mins => $3), $4,
             now() - make_interval(mins => $3),
             case when $2 in ('completed', 'failed') then now() - make_interval(mins => $3) end)
     returning phase_started_at as since`,
    [id, status, idleMinutes, JSON.stringify(sampleInput)],
  );
  return { id, since: rows[0]!.since };
}

/** The status as a poll at `at` sees it. */
function statusAt(at: Date, id: string) {
  const { mastra } = harness();
  return createRunService({ mastra, pool, now: () => at }).getRunStatus(id);
}

describe('GET /api/workflows/:id/status estimate', () => {
  it('does not move for a run whose process died: every poll sees the same time', async () => {
    const { id, since } = await insertRun('in_progress', 180);
    const at = (m: number) => new Date(Date.now() + m * minute);
    const polls = await Promise.all([0, 1, 30].map((m) => statusAt(at(m), id)));
    // Plan running, no review yet: plan 5 + review 3 + one refinement 4 + implement 15 minutes.
    const due = new Date(since.getTime() + 27 * minute).toISOString();
    expect(polls.map((p) => p.estimatedCompletion)).toEqual([due, due, due]);
    expect(Date.parse(due)).toBeLessThan(Date.now());
    expect(polls[0]).toMatchObject({ status: 'in_progress', currentPhase: 'plan' });
  });

  it('has no estimate once the run has ended, completed or failed', async () => {
    for (const status of ['completed', 'failed']) {
      const { id } = await insertRun(status, 5);
      expect(await statusAt(new Date(), id)).toMatchObject({ status, estimatedCompletion: null });
    }
  });
});
