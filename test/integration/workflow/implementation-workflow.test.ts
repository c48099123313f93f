import { APICallError } from '@ai-sdk/provider';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { implementationOutputSchema } from '../../../workflows/implementation/schemas.ts';
import { scriptedAgents } from './support/scripted-agents.ts';
import { closeHarnesses, eventsOf, harness, pool, sampleInput } from './support/harness.ts';

afterEach(closeHarnesses);
afterAll(() => pool.end());

const rateLimit = () =>
  new APICallError({
    message: 'Rate limit reached',
    url: 'http://model.test/v1/chat/completions',
    requestBodyValues: {},
    statusCode: 429,
    isRetryable: true,
  });

describe('implementation workflow', () => {
  it('goes plan → review → implement when the first review scores 80 or more', async () => {
    const agents = scriptedAgents({ reviewScores: [86] });
    const { service } = harness({ agents });
    const started = await service.startImplementationRun(sampleInput);
    expect(started.status).toBe('queued');
    expect(started.id).toMatch(/^wf_[0-9a-f]{24}$/);
    await service.idle();

    expect(agents.calls).toEqual(['plan', 'review', 'implement']);
    const status = await service.getRunStatus(started.id);
    expect(status).toEqual({
      id: started.id,
      status: 'completed',
      currentPhase: 'implement',
      progress: 100,
      estimatedCompletion: null,
    });

    const events = await eventsOf(service, started.id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const phases = events.filter((e) => e.type === 'phase.completed').map((e) => e.data);
    expect(phases).toEqual([
      expect.objectContaining({ phase: 'plan', nextPhase: 'review' }),
      expect.objectContaining({ phase: 'review', score: 86, nextPhase: 'implement' }),
      expect.objectContaining({ phase: 'implement', nextPhase: null }),
    ]);
    expect(events.at(-1)?.type).toBe('run.completed');
    expect(
      (await service.listRunEvents(started.id, { after: String(events.length - 2) })).map(
        (e) => e.seq,
      ),
    ).toEqual([events.length - 1, events.length]);
    expect(await service.listRunEvents(started.id, { after: events.length })).toEqual([]);
    await expect(service.listRunEvents(started.id, { after: 'soon' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'after',
    });
    await expect(service.listRunEvents('wf_unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (let i = 1; i < events.length; i++)
      expect(Date.parse(events[i]!.at)).toBeGreaterThanOrEqual(Date.parse(events[i - 1]!.at));

    const run = await service.getRun(started.id);
    expect(implementationOutputSchema.parse(run.output)).toEqual(run.output);
    expect(run.output!.metrics).toEqual({
      planScore: 86,
      implementationTime: expect.any(Number),
      testCoverage: 100,
    });
    expect(run.output!.metrics.implementationTime).toBeGreaterThanOrEqual(0);
    expect(run.completedPhases).toEqual(['plan', 'review', 'refine', 'approval', 'implement']);
    expect(run.artifacts.map((a) => a.kind)).toEqual(['plan', 'review', 'implementation']);
  });

  it('refines while the score is below 80 and implements the plan that passed', async () => {
    const agents = scriptedAgents({ reviewScores: [55, 70, 84] });
    const { service, mastra } = harness({ agents });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();

    expect(agents.calls).toEqual([
      'plan',
      'review',
      'refine',
      'review',
      'refine',
      'review',
      'implement',
    ]);
    const completed = (await eventsOf(service, id))
      .filter((e) => e.type === 'phase.completed')
      .map((e) => e.data);
    expect(completed).toEqual([
      expect.objectContaining({ phase: 'plan', nextPhase: 'review' }),
      expect.objectContaining({ phase: 'review', score: 55, nextPhase: 'refine' }),
      expect.objectContaining({ phase: 'refine', iteration: 1, score: 70, nextPhase: 'refine' }),
      expect.objectContaining({ phase: 'refine', iteration: 2, score: 84, nextPhase: 'implement' }),
      expect.objectContaining({ phase: 'implement', nextPhase: null }),
    ]);
    const run = await service.getRun(id);
    expect(run.status).toBe('completed');
    expect(run.output!.metrics.planScore).toBe(84);
    // The implementer got the refined plan (it has the added step), not the first one.
    const refinements = run.artifacts.filter((a) => a.kind === 'refinement');
    expect(refinements.map((a) => a.iteration)).toEqual([1, 2]);
    const result = await mastra.getWorkflowById('implementation').getWorkflowRunById(id);
    expect(result?.status).toBe('success');
    const refineCheckpoint = await pool.query(
      "select output from implementation_checkpoints where run_id = $1 and phase = 'refine'",
      [id],
    );
    expect(refineCheckpoint.rows[0].output).toMatchObject({
      planId: refinements[1]!.id,
      score: 84,
      refinements: 2,
    });
  });

  it('fails the run when the refinement bound is reached below 80, keeping every artifact', async () => {
    const agents = scriptedAgents({ reviewScores: [40, 50, 60] });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun({ ...sampleInput, maxRefinements: 2 });
    await service.idle();

    expect(agents.calls).toEqual(['plan', 'review', 'refine', 'review', 'refine', 'review']);
    const run = await service.getRun(id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({
      code: 'GUARD_REJECTED',
      reason: 'planBelowThreshold',
      phase: 'refine',
    });
    expect(run.error!.message).toMatch(/scored 60 after 2 refinements; 80 is needed/);
    expect(run.completedPhases).toEqual(['plan', 'review']);
    expect(run.artifacts.map((a) => a.kind)).toEqual([
      'plan',
      'review',
      'refinement',
      'review',
      'refinement',
      'review',
    ]);
    const events = await eventsOf(service, id);
    expect(events.filter((e) => e.type === 'phase.completed').at(-1)?.data).toMatchObject({
      phase: 'refine',
      iteration: 2,
      score: 60,
      nextPhase: null,
    });
    expect(events.at(-1)).toMatchObject({
      type: 'run.failed',
      data: { phase: 'refine', code: 'GUARD_REJECTED' },
    });
    expect((await service.getRunStatus(id)).estimatedCompletion).toBeNull();
  });

  it('fails at once below 80 when no refinement is allowed', async () => {
    const agents = scriptedAgents({ reviewScores: [79] });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun({ ...sampleInput, maxRefinements: 0 });
    await service.idle();
    expect(agents.calls).toEqual(['plan', 'review']);
    expect((await service.getRun(id)).error).toMatchObject({ reason: 'planBelowThreshold' });
    const review = (await eventsOf(service, id)).find(
      (e) => e.type === 'phase.completed' && e.data.phase === 'review',
    );
    expect(review?.data).toMatchObject({ score: 79, nextPhase: null });
  });

  it('retries a rate-limited call with the seed backoff and records each retry', async () => {
    const agents = scriptedAgents({
      reviewScores: [90],
      failures: { plan: [rateLimit(), rateLimit()] },
    });
    const { service, sleeps } = harness({ agents });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    expect((await service.getRun(id)).status).toBe('completed');
    expect(agents.calls.filter((c) => c === 'plan')).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
    const retries = (await eventsOf(service, id))
      .filter((e) => e.type === 'step.retry')
      .map((e) => e.data);
    expect(retries).toEqual([
      expect.objectContaining({ phase: 'plan', attempt: 1, delayMs: 1000, reason: 'rateLimit' }),
      expect.objectContaining({ phase: 'plan', attempt: 2, delayMs: 2000, reason: 'rateLimit' }),
    ]);
  });

  it('gives up after three attempts (waits 1 s, 2 s) and fails the run with the model error', async () => {
    const agents = scriptedAgents({
      reviewScores: [90],
      failures: { review: [rateLimit(), rateLimit(), rateLimit()] },
    });
    const { service, sleeps } = harness({ agents });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    expect(sleeps).toEqual([1000, 2000]);
    expect(agents.calls.filter((c) => c === 'review')).toHaveLength(3);
    expect((await service.getRun(id)).error).toMatchObject({
      code: 'MODEL_ERROR',
      reason: 'rateLimit',
      phase: 'review',
    });
  });

  it('does not retry validation errors', async () => {
    const invalid = new AppError('VALIDATION_ERROR', 'planner.steps: expected at least one step', {
      field: 'planner.steps',
    });
    const agents = scriptedAgents({ reviewScores: [90], failures: { plan: [invalid] } });
    const { service, sleeps } = harness({ agents });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    expect(agents.calls).toEqual(['plan']);
    expect(sleeps).toEqual([]);
    expect((await service.getRun(id)).error).toMatchObject({
      code: 'VALIDATION_ERROR',
      phase: 'plan',
    });
  });

  it('times out a slow call and retries it as a timeout', async () => {
    let calls = 0;
    const agents = scriptedAgents({ reviewScores: [90] });
    const slowOnce = {
      ...agents,
      plan: async (
        input: Parameters<typeof agents.plan>[0],
        ctx: Parameters<typeof agents.plan>[1],
      ) => {
        if (calls++ === 0)
          await new Promise((resolve) =>
            ctx.abortSignal.addEventListener('abort', resolve, { once: true }),
          );
        return agents.plan(input, ctx);
      },
    };
    const { service, sleeps } = harness({ agents: slowOnce, callTimeoutMs: 150 });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    expect((await service.getRun(id)).status).toBe('completed');
    expect(sleeps).toEqual([1000]);
    expect((await eventsOf(service, id)).find((e) => e.type === 'step.retry')?.data).toMatchObject({
      reason: 'timeout',
      message: expect.stringMatching(/timed out after 150 ms/),
    });
  });

  it('keeps artifacts out of the Mastra snapshot', async () => {
    const big = 'x'.repeat(20_000);
    const agents = scriptedAgents({ reviewScores: [50, 90] });
    const withBigPlan = {
      ...agents,
      plan: async (...args: Parameters<typeof agents.plan>) => ({
        ...(await agents.plan(...args)),
        summary: big,
      }),
    };
    const { service } = harness({ agents: withBigPlan });
    const { id } = await service.startImplementationRun({ ...sampleInput, approval: true });
    await service.idle();
    const suspended = await pool.query<{ bytes: number; text: string }>(
      "select sum(octet_length(snapshot::text))::int as bytes, string_agg(snapshot::text, '') as text from mastra_workflow_snapshot where run_id = $1",
      [id],
    );
    expect(suspended.rows[0]!.text).not.toContain('xxxxxxxxxx');
    expect(suspended.rows[0]!.bytes).toBeLessThan(16_000);

    await service.answerApproval(id, { approved: true });
    await service.idle();
    const run = await service.getRun(id);
    expect(run.status).toBe('completed');
    const done = await pool.query<{ bytes: number; text: string }>(
      "select sum(octet_length(snapshot::text))::int as bytes, string_agg(snapshot::text, '') as text from mastra_workflow_snapshot where run_id = $1",
      [id],
    );
    expect(done.rows[0]!.text).not.toContain('xxxxxxxxxx');
    // The final snapshot holds seed 003's output (twice: step result and run result) and ids, nothing more.
    const outputBytes = JSON.stringify(run.output).length;
    expect(done.rows[0]!.bytes).toBeLessThan(2 * outputBytes + 16_000);
  });

  it('rejects invalid input naming the field, before anything is stored', async () => {
    const { service } = harness({ agents: scriptedAgents({ reviewScores: [90] }) });
    const before = await pool.query('select count(*)::int as n from implementation_runs');
    await expect(
      service.startImplementationRun({ request: 'x', requirements: 'not a list' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'requirements' });
    await expect(
      service.startImplementationRun({ request: '', requirements: [] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'request' });
    await expect(
      service.startImplementationRun({ ...sampleInput, maxRefinements: 11 }),
    ).rejects.toMatchObject({ field: 'maxRefinements' });
    expect((await pool.query('select count(*)::int as n from implementation_runs')).rows[0].n).toBe(
      before.rows[0].n,
    );
  });
});
