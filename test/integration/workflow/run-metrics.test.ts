import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDashboard, runMetrics } from '../../../src/runs/run-metrics.ts';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.end());

async function run(id: string, status: string) {
  await pool.query(
    "insert into implementation_runs (id, mastra_run_id, status, input) values ($1, $1, $2, '{}')",
    [id, status],
  );
}
async function checkpoint(runId: string, phase: string, durationMs: number) {
  await pool.query(
    "insert into implementation_checkpoints (run_id, phase, attempt, output, duration_ms) values ($1, $2, 1, '{}', $3)",
    [runId, phase, durationMs],
  );
}
async function reviewed(runId: string, seq: number, phase: string, score: number) {
  await pool.query(
    "insert into implementation_run_events (run_id, seq, type, data) values ($1, $2, 'phase.completed', $3)",
    [runId, seq, { phase, score }],
  );
}

describe('seed 003 dashboard figures', () => {
  it('is empty before any run, with nulls rather than made-up zeros', async () => {
    const m = await runMetrics(pool);
    expect(m).toMatchObject({
      activeWorkflows: 0,
      finishedWorkflows: 0,
      avgReviewScore: null,
      successRate: null,
      refinementFrequency: null,
    });
    expect(renderDashboard(m)).toContain('Success Rate: —');
  });

  it('computes active runs, review average, success rate, refinement frequency and phase times', async () => {
    await run('wf_a', 'completed');
    await run('wf_b', 'completed');
    await run('wf_c', 'failed');
    await run('wf_d', 'in_progress');
    await run('wf_e', 'awaiting_approval');
    // Scores 90 (a), 60 then 85 after one refinement (b), 40 (c): mean 68.75.
    await reviewed('wf_a', 1, 'review', 90);
    await reviewed('wf_b', 1, 'review', 60);
    await reviewed('wf_b', 2, 'refine', 85);
    await reviewed('wf_c', 1, 'review', 40);
    await pool.query(
      "insert into implementation_artifacts (id, run_id, kind, attempt, iteration, content) values (gen_random_uuid(), 'wf_b', 'refinement', 1, 1, '{}')",
    );
    for (const id of ['wf_a', 'wf_b', 'wf_c']) await checkpoint(id, 'review', 180_000);
    await checkpoint('wf_a', 'plan', 240_000);
    await checkpoint('wf_b', 'plan', 360_000);

    const m = await runMetrics(pool);
    expect(m.activeWorkflows).toBe(2);
    expect(m.finishedWorkflows).toBe(3);
    expect(m.avgReviewScore).toBe(68.8);
    expect(m.successRate).toBe(0.667);
    expect(m.refinementFrequency).toBe(0.333);
    expect(m.phaseMinutes).toEqual({
      plan: 5,
      review: 3,
      refine: null,
      approval: null,
      implement: null,
    });
    const box = renderDashboard(m);
    expect(box).toMatch(/Active Workflows: 2/);
    expect(box).toMatch(/Success Rate: 67%/);
    expect(box).toMatch(/• Planning: ~5 min/);
  });
});
