import { describe, expect, it } from 'vitest';
import { eventually, useTestApp } from './support/app.ts';

const fixture = useTestApp();
const { receiver, run, untilEnded } = fixture;
const stepOf = (r: Awaited<ReturnType<typeof run>>, id: string) =>
  r.steps.find((s) => s.step === id);

describe('user-defined workflows run as Mastra workflows', () => {
  it('runs a sequence with an agent step (rules mode) and a mapped step, and registers it on Mastra', async () => {
    await fixture.app.definitions.create({
      id: 'seq',
      steps: [
        { id: 'plan', kind: 'agent', agent: 'planner', prompt: 'Plan: {{ input.request }}' },
        {
          id: 'review',
          kind: 'agent',
          agent: 'plan-reviewer',
          prompt: 'Review this plan: {{ steps.plan.output.text }}',
          output: {
            type: 'object',
            properties: { score: { type: 'number' }, summary: { type: 'string' } },
            required: ['score', 'summary'],
          },
        },
        {
          id: 'report',
          kind: 'set',
          output: {
            planned: '{{ len(steps.plan.output.text) > 0 }}',
            score: '{{ steps.review.output.score }}',
          },
        },
      ],
    });
    expect(Object.keys(fixture.app.mastra.listWorkflows())).toContain('udw-seq-v1');
    const { id } = await fixture.app.definitions.startRun('seq', {
      request: 'Add a logout button',
    });
    const done = await untilEnded(id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.steps.map((s) => [s.step, s.status])).toEqual([
      ['plan', 'completed'],
      ['review', 'completed'],
      ['report', 'completed'],
    ]);
    expect(typeof (stepOf(done, 'plan')!.output as { text: string }).text).toBe('string');
    expect(done.output).toEqual({ planned: true, score: expect.any(Number) });
  });

  it('fork-join `any` finishes on the first branch and cancels the others', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const slow = await receiver(async () => {
      await held;
      return { status: 200, body: { late: true } };
    });
    await fixture.app.definitions.create({
      id: 'race',
      steps: [
        {
          id: 'fork',
          kind: 'parallel',
          join: 'any',
          branches: [
            {
              id: 'slow-branch',
              steps: [
                { id: 'slow-call', kind: 'http', method: 'POST', url: `${slow.url}/slow` },
                { id: 'after-slow', kind: 'set', output: 1 },
              ],
            },
            { id: 'fast-branch', steps: [{ id: 'fast', kind: 'set', output: { winner: 'fast' } }] },
          ],
        },
        { id: 'done', kind: 'set', output: '{{ steps.fast.output.winner }}' },
      ],
    });
    const { id } = await fixture.app.definitions.startRun('race', {});
    const done = await untilEnded(id);
    release();
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.output).toBe('fast');
    expect(stepOf(done, 'fast-branch')!.status).toBe('completed');
    expect(stepOf(done, 'slow-branch')!.status).toBe('cancelled');
    expect(stepOf(done, 'slow-call')!.status).toBe('cancelled');
    expect(stepOf(done, 'after-slow')?.status ?? 'cancelled').toBe('cancelled');
    expect(stepOf(done, 'fork')!.status).toBe('completed');
    expect(slow.calls).toHaveLength(1);
  });

  it('branch failures: `fail` fails the fork (the failed branch stays failed), `ignore` joins without it', async () => {
    const refusing = await receiver(() => ({ status: 400, body: { error: 'no' } }));
    const fork = (id: string, onBranchError: 'fail' | 'ignore') => ({
      id,
      steps: [
        {
          id: `${id}-fork`,
          kind: 'parallel',
          // The default join (all): with `ignore` the fork waits for every branch to end and needs
          // only those that did not fail. (`atLeast: 1` raced: the instant branch could meet the join
          // and cancel the failing one before its call was refused.)
          onBranchError,
          branches: [
            {
              id: `${id}-bad`,
              steps: [{ id: `${id}-call`, kind: 'http', url: `${refusing.url}/x` }],
            },
            { id: `${id}-good`, steps: [{ id: `${id}-ok`, kind: 'set', output: 1 }] },
          ],
        },
      ],
    });
    await fixture.app.definitions.create(fork('strict', 'fail'));
    await fixture.app.definitions.create(fork('lenient', 'ignore'));
    const strict = await untilEnded((await fixture.app.definitions.startRun('strict', {})).id);
    expect(strict.status).toBe('failed');
    expect(stepOf(strict, 'strict-bad')!.status).toBe('failed');
    expect(stepOf(strict, 'strict-fork')).toMatchObject({
      status: 'failed',
      errorClass: 'business',
    });
    const lenient = await untilEnded((await fixture.app.definitions.startRun('lenient', {})).id);
    expect(lenient.status).toBe('completed');
    expect(stepOf(lenient, 'lenient-bad')!.status).toBe('failed');
    expect(stepOf(lenient, 'lenient-good')!.status).toBe('completed');
    expect(stepOf(lenient, 'lenient-fork')!.output).toEqual({
      branches: { 'lenient-bad': 'failed', 'lenient-good': 'completed' },
    });
  });

  it('a condition picks one arm; steps with a false `when` are skipped', async () => {
    await fixture.app.definitions.create({
      id: 'cond',
      steps: [
        { id: 'scan', kind: 'set', output: { issues: '{{ input.issues }}' } },
        {
          id: 'gate',
          kind: 'branch',
          condition: 'len(steps.scan.output.issues) > 0',
          trueBranch: [{ id: 'fix', kind: 'set', output: 'fixed' }],
          falseBranch: [{ id: 'deploy', kind: 'set', output: 'deployed' }],
        },
        { id: 'notify', kind: 'set', when: "input.notify == 'yes'", output: 'sent' },
      ],
    });
    const withIssues = await untilEnded(
      (await fixture.app.definitions.startRun('cond', { issues: ['xss'] })).id,
    );
    expect(withIssues.steps.map((s) => [s.step, s.status])).toEqual([
      ['scan', 'completed'],
      ['gate', 'completed'],
      ['fix', 'completed'],
      ['notify', 'skipped'],
    ]);
    const clean = await untilEnded(
      (await fixture.app.definitions.startRun('cond', { issues: [], notify: 'yes' })).id,
    );
    expect(clean.steps.map((s) => [s.step, s.status])).toEqual([
      ['scan', 'completed'],
      ['gate', 'completed'],
      ['deploy', 'completed'],
      ['notify', 'completed'],
    ]);
  });

  it('skip: a step that keeps failing after its retries is skipped and the run goes on', async () => {
    const down = await receiver(() => ({ status: 503 }));
    await fixture.app.definitions.create({
      id: 'skippy',
      steps: [
        {
          id: 'flaky',
          kind: 'http',
          url: `${down.url}/flaky`,
          retry: { maxAttempts: 2, delayMs: 10, backoff: 'fixed' },
          onError: { strategy: 'skip' },
        },
        { id: 'after', kind: 'set', output: '{{ steps.flaky.status }}' },
      ],
    });
    const done = await untilEnded((await fixture.app.definitions.startRun('skippy', {})).id);
    expect(done.status).toBe('completed');
    expect(stepOf(done, 'flaky')).toMatchObject({
      status: 'skipped',
      errorClass: 'transient',
      tries: 2,
    });
    expect(done.output).toBe('skipped');
    expect(down.calls).toHaveLength(2);
  });

  it('escalate: the run waits on a human task; the answer decides (skip, or retry once the target is fixed)', async () => {
    let healthy = false;
    const target = await receiver(() =>
      healthy ? { status: 200, body: { ok: 1 } } : { status: 400, body: { error: 'bad' } },
    );
    await fixture.app.definitions.create({
      id: 'escalating',
      steps: [
        {
          id: 'sync',
          kind: 'http',
          method: 'PUT',
          url: `${target.url}/sync`,
          body: { x: 1 },
          onError: { strategy: 'escalate', escalateTo: 'ops@example.test' },
        },
        { id: 'after', kind: 'set', output: 'went on' },
      ],
    });
    const first = (await fixture.app.definitions.startRun('escalating', {})).id;
    const waiting = await eventually(
      () => run(first),
      (r) => r.status === 'waiting',
    );
    expect(waiting.currentSteps).toEqual(['sync']);
    expect(waiting.tasks).toEqual([
      expect.objectContaining({ kind: 'escalation', assignee: 'ops@example.test', status: 'open' }),
    ]);
    await fixture.app.definitions.answerTask(waiting.tasks[0]!.id, { action: 'skip' });
    const skipped = await untilEnded(first);
    expect(skipped.status).toBe('completed');
    expect(stepOf(skipped, 'sync')!.status).toBe('skipped');

    const second = (await fixture.app.definitions.startRun('escalating', {})).id;
    const again = await eventually(
      () => run(second),
      (r) => r.status === 'waiting',
    );
    healthy = true;
    await fixture.app.definitions.answerTask(again.tasks[0]!.id, { action: 'retry' });
    const retried = await untilEnded(second);
    expect(retried.status).toBe('completed');
    expect(stepOf(retried, 'sync')).toMatchObject({
      status: 'completed',
      output: { status: 200, body: { ok: 1 } },
    });
  });

  it('a running run keeps its version when a new one is created', async () => {
    await fixture.app.definitions.create({
      id: 'pinned',
      steps: [
        { id: 'approve', kind: 'human', assignee: 'lead@example.test', title: 'Approve?' },
        { id: 'result', kind: 'set', output: 'v1 {{ steps.approve.output.approved }}' },
      ],
    });
    const old = (await fixture.app.definitions.startRun('pinned', {})).id;
    const waiting = await eventually(
      () => run(old),
      (r) => r.status === 'waiting',
    );
    const v2 = await fixture.app.definitions.addVersion('pinned', {
      steps: [{ id: 'result', kind: 'set', output: 'v2' }],
    });
    expect(v2.latestVersion).toBe(2);
    await fixture.app.definitions.answerTask(waiting.tasks[0]!.id, { approved: true });
    const done = await untilEnded(old);
    expect(done).toMatchObject({ status: 'completed', version: 1, output: 'v1 true' });
    const fresh = await untilEnded((await fixture.app.definitions.startRun('pinned', {})).id);
    expect(fresh).toMatchObject({ status: 'completed', version: 2, output: 'v2' });
  });

  it('saga: step 3 of 4 fails permanently → compensations of 2 then 1, once each; the run fails', async () => {
    const api = await receiver((call) =>
      call.path === '/step3'
        ? { status: 400, body: { error: 'no' } }
        : { status: 200, body: { id: call.path } },
    );
    await fixture.app.definitions.create({
      id: 'saga',
      steps: [1, 2, 3, 4].map((n) => ({
        id: `step${n}`,
        kind: 'http',
        method: 'POST',
        url: `${api.url}/step${n}`,
        compensation: `undo${n}`,
        ...(n === 3 ? { onError: { strategy: 'compensate' } } : {}),
      })),
      compensations: [1, 2, 3, 4].map((n) => ({
        id: `undo${n}`,
        kind: 'http',
        method: 'DELETE',
        url: `${api.url}/undo{{ payload.step }}`,
      })),
    });
    // undo3 and undo4 are named (the steps declare them) but never run: their steps did not complete.
    const done = await untilEnded((await fixture.app.definitions.startRun('saga', {})).id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({
      step: 'step3',
      class: 'permanent',
      compensation: { done: 2, failed: 0 },
    });
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /step1',
      'POST /step2',
      'POST /step3',
      'DELETE /undostep2',
      'DELETE /undostep1',
    ]);
    expect(done.compensations).toEqual([
      expect.objectContaining({ step: 'step2', status: 'done', tries: 1 }),
      expect.objectContaining({ step: 'step1', status: 'done', tries: 1 }),
    ]);
  });
});
