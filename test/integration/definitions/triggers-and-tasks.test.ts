import { describe, expect, it } from 'vitest';
import { stuckSession } from '../notify/support/app.ts';
import { ended, eventually, useTestApp } from './support/app.ts';

const fixture = useTestApp();
const { run, untilEnded } = fixture;
const runsOf = async (definition: string) => fixture.app.definitions.runs(definition);

describe('sub-workflows, timeouts, tasks and triggers', () => {
  it('a sub-workflow step runs another definition as a child run and takes its output', async () => {
    await fixture.app.definitions.create({
      id: 'child-sum',
      steps: [{ id: 'sum', kind: 'set', output: '{{ input.a + input.b }}' }],
    });
    await fixture.app.definitions.create({
      id: 'parent',
      steps: [
        {
          id: 'child',
          kind: 'workflow',
          workflow: 'child-sum',
          input: { a: '{{ input.x }}', b: 2 },
        },
        { id: 'double', kind: 'set', output: '{{ steps.child.output * 2 }}' },
      ],
    });
    const done = await untilEnded((await fixture.app.definitions.startRun('parent', { x: 5 })).id);
    expect(done).toMatchObject({ status: 'completed', output: 14 });
    const [child] = await runsOf('child-sum');
    expect(child).toMatchObject({ status: 'completed', output: 7, trigger: { type: 'parent' } });
    await expect(
      fixture.app.definitions.create({
        id: 'loop',
        steps: [{ id: 'me', kind: 'workflow', workflow: 'loop' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'steps[0].workflow' });
    // child-sum v2 running parent would close parent → child-sum → parent.
    await expect(
      fixture.app.definitions.addVersion('child-sum', {
        steps: [{ id: 'back', kind: 'workflow', workflow: 'parent' }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'steps[0].workflow',
      message: 'steps[0].workflow: cycle: child-sum → parent → child-sum',
    });
  });

  it('a step timeout is a transient failure, retried, then the run fails', async () => {
    const silent = await fixture.receiver(() => new Promise(() => undefined));
    await fixture.app.definitions.create({
      id: 'slowpoke',
      steps: [
        {
          id: 'call',
          kind: 'http',
          url: `${silent.url}/never`,
          timeoutMs: 100,
          retry: { maxAttempts: 2, backoff: 'fixed', delayMs: 10 },
        },
      ],
    });
    const done = await untilEnded((await fixture.app.definitions.startRun('slowpoke', {})).id);
    expect(done.status).toBe('failed');
    expect(done.steps[0]).toMatchObject({
      status: 'failed',
      errorClass: 'transient',
      tries: 2,
      error: 'timed out after 100 ms',
    });
    expect(silent.calls).toHaveLength(2);
  });

  it('a human task is reassigned when its escalation time passes; cancelling the waiting run closes it', async () => {
    await fixture.app.definitions.create({
      id: 'approval',
      steps: [
        {
          id: 'ok',
          kind: 'human',
          assignee: 'manager@example.test',
          escalation: { afterMs: 50, escalateTo: 'director@example.test' },
        },
      ],
    });
    const { id } = await fixture.app.definitions.startRun('approval', {});
    const escalated = await eventually(
      () => run(id),
      (r) => r.tasks[0]?.escalatedAt != null,
    );
    expect(escalated.tasks[0]).toMatchObject({ assignee: 'director@example.test', status: 'open' });
    expect((await fixture.app.definitions.events(id)).map((e) => e.type)).toContain(
      'task.escalated',
    );
    await fixture.app.definitions.cancel(id);
    const cancelled = await untilEnded(id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.tasks[0]!.status).toBe('cancelled');
    expect(cancelled.steps[0]!.status).toBe('cancelled');
  });

  it('retry after a cancelled human task or a timed-out event wait asks and waits again', async () => {
    await fixture.app.definitions.create({
      id: 'ask-then-wait',
      steps: [
        { id: 'ask', kind: 'human', assignee: 'lead@example.test' },
        { id: 'wait', kind: 'event', event: 'parcel.arrived', timeoutMs: 150 },
      ],
    });
    const { id } = await fixture.app.definitions.startRun('ask-then-wait', {});
    await eventually(
      () => run(id),
      (r) => r.status === 'waiting',
    );
    await fixture.app.definitions.cancel(id);
    expect((await untilEnded(id)).tasks.map((t) => t.status)).toEqual(['cancelled']);

    await fixture.app.definitions.retry(id);
    const asked = await eventually(
      () => run(id),
      (r) => r.status === 'waiting' && r.tasks.length === 1 && r.tasks[0]!.status === 'open',
    );
    await fixture.app.definitions.answerTask(asked.tasks[0]!.id, { ok: true });
    // Nothing arrives: the wait times out and the run fails.
    const timedOut = await untilEnded(id);
    expect(timedOut).toMatchObject({ status: 'failed', error: { step: 'wait' } });

    await fixture.app.definitions.retry(id);
    await eventually(
      () => run(id),
      (r) => r.status === 'waiting' && r.currentSteps.includes('wait'),
    );
    expect(await fixture.app.definitions.emitEvent('parcel.arrived', { n: 1 })).toMatchObject({
      resumed: [id],
    });
    const done = await untilEnded(id);
    expect(done).toMatchObject({ status: 'completed', attempt: 3, output: { n: 1 } });
  });

  it('retry of a parent whose sub-workflow failed starts a new child run', async () => {
    let calls = 0;
    const api = await fixture.receiver(() => ({ status: ++calls === 1 ? 400 : 200 }));
    await fixture.app.definitions.create({
      id: 'flaky-child',
      steps: [{ id: 'call', kind: 'http', method: 'POST', url: `${api.url}/work` }],
    });
    await fixture.app.definitions.create({
      id: 'flaky-parent',
      steps: [{ id: 'child', kind: 'workflow', workflow: 'flaky-child' }],
    });
    const { id } = await fixture.app.definitions.startRun('flaky-parent', {});
    expect((await untilEnded(id)).status).toBe('failed');
    await fixture.app.definitions.retry(id);
    const done = await eventually(
      () => run(id),
      (r) => r.attempt === 2 && ended(r),
    );
    expect(done.status).toBe('completed');
    expect((await runsOf('flaky-child')).map((r) => r.status).sort()).toEqual([
      'completed',
      'failed',
    ]);
  });

  it('an answer whose resume was lost (its process died) is picked up by the background pass', async () => {
    await fixture.app.definitions.create({
      id: 'stranded',
      steps: [
        { id: 'ask', kind: 'human', assignee: 'lead@example.test' },
        { id: 'after', kind: 'set', output: '{{ steps.ask.output.ok }}' },
      ],
    });
    const { id } = await fixture.app.definitions.startRun('stranded', {});
    const waiting = await eventually(
      () => run(id),
      (r) => r.status === 'waiting',
    );
    // Answered as the API does, by a process that then died before resuming the run.
    await fixture.app.database.pool.query(
      `update workflow_human_tasks set status = 'answered', answer = '{"ok":"yes"}',
              answered_at = now() - interval '1 minute' where id = $1`,
      [waiting.tasks[0]!.id],
    );
    const done = await untilEnded(id);
    expect(done).toMatchObject({ status: 'completed', output: 'yes' });
  });

  it('an Idempotency-Key starts one run; a deprecated definition starts none', async () => {
    await fixture.app.definitions.create({
      id: 'once',
      steps: [{ id: 'a', kind: 'set', output: 1 }],
    });
    const first = await fixture.app.definitions.startRun('once', {}, 'key-1');
    const again = await fixture.app.definitions.startRun('once', {}, 'key-1');
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    await fixture.app.definitions.deprecate('once');
    await expect(fixture.app.definitions.startRun('once', {})).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('system events: a failed run and an escalated session start the definitions triggered by them', async () => {
    await fixture.app.definitions.create({
      id: 'on-failure',
      triggers: [
        { type: 'event', event: 'workflow-run.failed', condition: "event.definition == 'doomed'" },
      ],
      steps: [
        {
          id: 'report',
          kind: 'set',
          output: 'failed: {{ input.event.definition }} ({{ input.event.error.message }})',
        },
      ],
    });
    await fixture.app.definitions.create({
      id: 'on-escalation',
      triggers: [{ type: 'event', event: 'session.escalated' }],
      steps: [
        { id: 'page', kind: 'set', output: '{{ input.event.learnerId }}: {{ input.event.kind }}' },
      ],
    });
    await fixture.app.definitions.create({
      id: 'doomed',
      steps: [{ id: 'boom', kind: 'http', url: 'http://127.0.0.1:9/refused' }],
    });
    await untilEnded((await fixture.app.definitions.startRun('doomed', {})).id);
    const [reaction] = await eventually(
      () => runsOf('on-failure'),
      (r) => r.length > 0 && ended(r[0]!),
    );
    expect(reaction).toMatchObject({
      status: 'completed',
      trigger: { type: 'event', event: 'workflow-run.failed' },
    });
    expect(String(reaction!.output)).toMatch(/^failed: doomed \(/);

    await stuckSession(fixture.app, 'learner-esc');
    const [paged] = await eventually(
      () => runsOf('on-escalation'),
      (r) => r.length > 0 && ended(r[0]!),
    );
    expect(paged).toMatchObject({ status: 'completed', trigger: { event: 'session.escalated' } });
    expect(String(paged!.output)).toMatch(/^learner-esc: /);
    // Every tick sees the escalation again; its id in the idempotency key keeps it to one run.
    await new Promise((r) => setTimeout(r, 300));
    expect(await runsOf('on-escalation')).toHaveLength(1);
  });
});
