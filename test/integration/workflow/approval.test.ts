import { run, type Runner } from 'graphile-worker';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { approvalJobKey } from '../../../src/db/runs/approval-timeout-job.ts';
import {
  approvalTimeoutTask,
  approvalTimeoutTaskName,
} from '../../../workflows/implementation/approval-timeout-task.ts';
import { scriptedAgents } from './support/scripted-agents.ts';
import {
  closeHarnesses,
  eventsOf,
  eventually,
  harness,
  pool,
  sampleInput,
} from './support/harness.ts';

let worker: Runner | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await closeHarnesses();
});
afterAll(() => pool.end());

const approvalInput = { ...sampleInput, approval: true };

async function jobFor(runId: string) {
  const { rows } = await pool.query<{
    task_identifier: string;
    payload: { runId: string; attempt: number; escalateTo: string };
    delay_ms: number;
  }>(
    `select t.identifier as task_identifier, j.payload, (extract(epoch from j.run_at - now()) * 1000)::int as delay_ms
     from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where j.key = $1`,
    [approvalJobKey(runId)],
  );
  return rows[0];
}

async function notifications(runId: string) {
  const { rows } = await pool.query<{ kind: string; recipient: string }>(
    'select kind, recipient from implementation_notifications where run_id = $1 order by id',
    [runId],
  );
  return rows;
}

describe('approval gate', () => {
  it('suspends after review, asks the approver and schedules the escalation job', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service, mastra } = harness({
      agents,
      approval: {
        approver: 'lead@example.test',
        escalateTo: 'director@example.test',
        timeoutMs: 3_600_000,
      },
    });
    const { id } = await service.startImplementationRun(approvalInput);
    await service.idle();

    expect(agents.calls).toEqual(['plan', 'review']);
    const status = await service.getRunStatus(id);
    expect(status).toMatchObject({
      status: 'awaiting_approval',
      currentPhase: 'approval',
      estimatedCompletion: null,
    });
    expect(status.progress).toBeGreaterThan(0);
    expect(status.progress).toBeLessThan(100);
    expect((await mastra.getWorkflowById('implementation').getWorkflowRunById(id))?.status).toBe(
      'suspended',
    );

    const requested = (await eventsOf(service, id)).find((e) => e.type === 'approval.requested');
    expect(requested?.data).toMatchObject({
      approver: 'lead@example.test',
      escalateTo: 'director@example.test',
      score: 88,
    });
    expect(await notifications(id)).toEqual([
      { kind: 'approval.requested', recipient: 'lead@example.test' },
    ]);
    const job = await jobFor(id);
    expect(job).toMatchObject({
      task_identifier: approvalTimeoutTaskName,
      payload: { runId: id, attempt: 1, escalateTo: 'director@example.test' },
    });
    expect(job!.delay_ms).toBeGreaterThan(3_590_000);
    expect(job!.delay_ms).toBeLessThanOrEqual(3_600_000);
  });

  it('approve: resumes the run, implements, and removes the escalation job', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun(approvalInput);
    await service.idle();

    await expect(
      service.answerApproval(id, { approved: true, comment: 'Looks good' }),
    ).resolves.toEqual({ id, status: 'in_progress' });
    await service.idle();
    expect(agents.calls).toEqual(['plan', 'review', 'implement']);
    const run = await service.getRun(id);
    expect(run.status).toBe('completed');
    expect(run.approval).toMatchObject({
      required: true,
      decision: 'approved',
      comment: 'Looks good',
      answeredAt: expect.any(String),
    });
    expect(await jobFor(id)).toBeUndefined();
    const types = (await eventsOf(service, id)).map((e) =>
      e.type === 'phase.completed' ? `${e.type}:${e.data.phase}` : e.type,
    );
    expect(types).toEqual([
      'run.queued',
      'run.started',
      'phase.started',
      'phase.completed:plan',
      'phase.started',
      'phase.completed:review',
      'phase.started',
      'approval.requested',
      'approval.answered',
      'phase.completed:approval',
      'phase.started',
      'phase.completed:implement',
      'run.completed',
    ]);
    // A second answer finds nothing waiting.
    await expect(service.answerApproval(id, { approved: false })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { status: 'completed' },
    });
  });

  it('reject: ends the run as rejected with the comment and never implements', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service, mastra } = harness({ agents });
    const { id } = await service.startImplementationRun(approvalInput);
    await service.idle();

    await expect(
      service.answerApproval(id, { approved: false, comment: 'Use the SSO provider instead' }),
    ).resolves.toEqual({ id, status: 'rejected' });
    await service.idle();
    expect(agents.calls).toEqual(['plan', 'review']);
    const run = await service.getRun(id);
    expect(run).toMatchObject({
      status: 'rejected',
      output: null,
      approval: { decision: 'rejected', comment: 'Use the SSO provider instead' },
    });
    expect(run.completedAt).not.toBeNull();
    const events = await eventsOf(service, id);
    expect(events.slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['approval.answered', { approved: false, comment: 'Use the SSO provider instead' }],
      ['run.rejected', { comment: 'Use the SSO provider instead' }],
    ]);
    expect((await mastra.getWorkflowById('implementation').getWorkflowRunById(id))?.status).toBe(
      'canceled',
    );
    expect(await jobFor(id)).toBeUndefined();
  });

  it('answers exactly once when two answers race', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service } = harness({ agents });
    const { id } = await service.startImplementationRun(approvalInput);
    await service.idle();
    const results = await Promise.allSettled([
      service.answerApproval(id, { approved: true }),
      service.answerApproval(id, { approved: false }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'CONFLICT' },
    });
    await service.idle();
    expect(
      (await eventsOf(service, id)).filter((e) => e.type === 'approval.answered'),
    ).toHaveLength(1);
  });

  it('refuses answers for unknown runs, runs not waiting, and malformed answers', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service } = harness({ agents });
    await expect(service.answerApproval('wf_missing', { approved: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    await expect(service.answerApproval(id, { approved: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(service.answerApproval(id, { approved: 'yes' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'approved',
    });
  });

  it('escalates an unanswered request through the Graphile job, once, and still accepts the answer', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service } = harness({
      agents,
      approval: { escalateTo: 'director@example.test', timeoutMs: 300 },
    });
    const { id } = await service.startImplementationRun(approvalInput);
    await service.idle();
    worker = await run({
      pgPool: pool,
      taskList: { [approvalTimeoutTaskName]: approvalTimeoutTask },
      concurrency: 1,
      pollInterval: 50,
      noHandleSignals: true,
    });

    const escalated = await eventually(async () =>
      (await eventsOf(service, id)).find((e) => e.type === 'approval.escalated'),
    );
    expect(escalated.data).toMatchObject({ target: 'director@example.test' });
    expect((escalated.data as { waitedMs: number }).waitedMs).toBeGreaterThanOrEqual(250);
    expect(await notifications(id)).toEqual([
      { kind: 'approval.requested', recipient: 'approver' },
      { kind: 'approval.escalated', recipient: 'director@example.test' },
    ]);
    const run1 = await service.getRun(id);
    expect(run1).toMatchObject({
      status: 'awaiting_approval',
      approval: { escalatedAt: expect.any(String) },
    });
    await eventually(async () => (await jobFor(id)) === undefined);

    // Running the task again (a retried or late job) changes nothing.
    const again = await pool.query<{ id: string }>(
      'select (graphile_worker.add_job($1, $2::json)).id',
      [
        approvalTimeoutTaskName,
        JSON.stringify({ runId: id, attempt: 1, escalateTo: 'director@example.test' }),
      ],
    );
    await eventually(
      async () =>
        (await pool.query('select 1 from graphile_worker.jobs where id = $1', [again.rows[0]!.id]))
          .rowCount === 0,
    );
    expect(
      (await eventsOf(service, id)).filter((e) => e.type === 'approval.escalated'),
    ).toHaveLength(1);

    await service.answerApproval(id, { approved: true });
    await service.idle();
    expect((await service.getRun(id)).status).toBe('completed');
  });

  it('records an answer given through Mastra directly (Studio) the same way', async () => {
    const agents = scriptedAgents({ reviewScores: [88] });
    const { service, mastra } = harness({ agents });
    const { id } = await service.startImplementationRun(approvalInput);
    await service.idle();
    const wf = mastra.getWorkflowById('implementation');
    const mastraRun = await wf.createRun({ runId: id });
    const result = await mastraRun.resume({
      step: 'approval-gate',
      resumeData: { approved: true, comment: 'via Studio' },
    });
    expect(result.status).toBe('success');
    const run = await service.getRun(id);
    expect(run).toMatchObject({
      status: 'completed',
      approval: { decision: 'approved', comment: 'via Studio' },
    });
    expect(await jobFor(id)).toBeUndefined();
  });
});
