import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ended, eventually, useTestApp } from './support/app.ts';

// TIME_SCALE 0.01: the breaker opens after 5 failures in a row for 300 ms.
const fixture = useTestApp();
const { receiver, run, untilEnded } = fixture;
const runOnce = async (definition: string) =>
  untilEnded((await fixture.app.definitions.startRun(definition, {})).id);
const breaker = async (key: string) =>
  (
    await fixture.app.database.pool.query<{ state: string; failures: number; cooled: boolean }>(
      'select state, failures, open_until <= now() as cooled from workflow_circuit_breakers where key = $1',
      [key],
    )
  ).rows[0];

describe('reliability of user-defined workflow steps', () => {
  it('the circuit breaker of an HTTP target opens after failures, half-opens after its cooldown, and closes on a good trial', async () => {
    let healthy = false;
    const target = await receiver(() =>
      healthy ? { status: 200, body: { ok: true } } : { status: 503 },
    );
    await fixture.app.definitions.create({
      id: 'breaker',
      steps: [{ id: 'call', kind: 'http', url: `${target.url}/health` }],
    });
    const key = `http:${target.url}`;
    for (let i = 0; i < 5; i++) {
      const r = await runOnce('breaker');
      expect(r.steps[0]).toMatchObject({ status: 'failed', errorClass: 'transient' });
    }
    expect(await breaker(key)).toMatchObject({ state: 'open', failures: 5 });
    const refused = await runOnce('breaker');
    expect(refused.steps[0]).toMatchObject({ status: 'failed', errorClass: 'system' });
    expect(refused.steps[0]!.error).toContain('circuit breaker');
    expect(target.calls).toHaveLength(5);

    // After the cooldown one trial goes through; it fails, so the breaker opens again at once.
    await eventually(
      () => breaker(key),
      (b) => Boolean(b?.cooled),
    );
    await runOnce('breaker');
    expect(target.calls).toHaveLength(6);
    expect(await breaker(key)).toMatchObject({ state: 'open', failures: 6 });

    healthy = true;
    await eventually(
      () => breaker(key),
      (b) => Boolean(b?.cooled),
    );
    const good = await runOnce('breaker');
    expect(good.status).toBe('completed');
    expect(await breaker(key)).toMatchObject({ state: 'closed', failures: 0 });
  });

  it("an agent step's timeout holds even when the agent does not stop, and the agent's circuit breaker opens after failures", async () => {
    // In rules mode the planner ignores its abort signal: a 1 ms timeout must still end the try.
    const ask = (timeoutMs: number) => ({
      id: `ask-${timeoutMs}`,
      steps: [
        {
          id: 'ask',
          kind: 'agent',
          agent: 'planner',
          prompt: 'Plan {{ input.request }}',
          timeoutMs,
          retry: { maxAttempts: 1 },
        },
      ],
    });
    await fixture.app.definitions.create(ask(1));
    await fixture.app.definitions.create(ask(60_000));
    for (let i = 0; i < 5; i++) {
      const r = await runOnce('ask-1');
      expect(r.steps[0]).toMatchObject({
        status: 'failed',
        errorClass: 'transient',
        error: 'timed out after 1 ms',
      });
    }
    expect(await breaker('agent:planner')).toMatchObject({ state: 'open', failures: 5 });
    const refused = await runOnce('ask-60000');
    expect(refused.steps[0]).toMatchObject({ status: 'failed', errorClass: 'system' });
    expect(refused.steps[0]!.error).toBe('circuit breaker "agent:planner" is open');
    await eventually(
      () => breaker('agent:planner'),
      (b) => Boolean(b?.cooled),
    );
    expect((await runOnce('ask-60000')).status).toBe('completed');
    expect(await breaker('agent:planner')).toMatchObject({ state: 'closed', failures: 0 });
  });

  it('cancel stops the running step and compensates; retry redoes what the saga undid, with new idempotency keys', async () => {
    let held = true;
    const api = await receiver(async (call) => {
      if (call.path === '/slow' && held) await new Promise(() => undefined);
      return { status: 200, body: { path: call.path } };
    });
    await fixture.app.definitions.create({
      id: 'cancellable',
      onCancel: 'compensate',
      steps: [
        {
          id: 'reserve',
          kind: 'http',
          method: 'POST',
          url: `${api.url}/reserve`,
          compensation: 'release',
        },
        { id: 'slow', kind: 'http', method: 'POST', url: `${api.url}/slow` },
      ],
      compensations: [{ id: 'release', kind: 'http', method: 'DELETE', url: `${api.url}/reserve` }],
    });
    const { id } = await fixture.app.definitions.startRun('cancellable', {});
    await eventually(
      () => run(id),
      (r) => r.currentSteps.includes('slow'),
    );
    await fixture.app.definitions.cancel(id);
    const cancelled = await untilEnded(id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'reserve:completed',
      'slow:cancelled',
    ]);
    expect(cancelled.compensations).toEqual([
      expect.objectContaining({ step: 'reserve', status: 'done' }),
    ]);
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /reserve',
      'POST /slow',
      'DELETE /reserve',
    ]);
    await expect(fixture.app.definitions.cancel(id)).rejects.toMatchObject({ code: 'CONFLICT' });

    held = false;
    expect(await fixture.app.definitions.retry(id)).toMatchObject({ attempt: 2 });
    const retried = await untilEnded(id);
    expect(retried).toMatchObject({ status: 'completed', attempt: 2, compensations: [] });
    // The reservation was released by the saga: the retry reserves again (it must not count as done).
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /reserve',
      'POST /slow',
      'DELETE /reserve',
      'POST /reserve',
      'POST /slow',
    ]);
    const keys = api.calls.map((c) => c.headers['idempotency-key']);
    expect(keys).toEqual([
      `${id}:1:reserve`,
      `${id}:1:slow`,
      `${id}:1:compensate:reserve`,
      `${id}:2:reserve`,
      `${id}:2:slow`,
    ]);
  });

  it('retry after a saga: steps it undid run again, and a second failure compensates them again', async () => {
    let attempt = 1;
    const api = await receiver((call) => {
      if (call.method === 'POST' && call.path === '/b')
        return { status: attempt === 1 ? 400 : 200 };
      if (call.method === 'POST' && call.path === '/c') return { status: 400 };
      return { status: 200 };
    });
    const names = ['a', 'b', 'c'];
    await fixture.app.definitions.create({
      id: 'resaga',
      steps: names.map((s) => ({
        id: s,
        kind: 'http',
        method: 'POST',
        url: `${api.url}/${s}`,
        compensation: `undo-${s}`,
        onError: { strategy: 'compensate' },
      })),
      compensations: names.map((s) => ({
        id: `undo-${s}`,
        kind: 'http',
        method: 'DELETE',
        url: `${api.url}/${s}`,
      })),
    });
    const { id } = await fixture.app.definitions.startRun('resaga', {});
    const first = await untilEnded(id);
    expect(first.status).toBe('failed');
    expect(first.compensations.map((c) => `${c.step}:${c.status}`)).toEqual(['a:done']);

    attempt = 2;
    await fixture.app.definitions.retry(id);
    const second = await eventually(
      () => run(id),
      (r) => r.attempt === 2 && ended(r),
    );
    expect(second.status).toBe('failed');
    expect(second.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'a:completed',
      'b:completed',
      'c:failed',
    ]);
    expect(second.compensations.map((c) => `${c.step}:${c.status}`)).toEqual(['b:done', 'a:done']);
    expect(api.calls.map((c) => `${c.method} ${c.path} ${c.headers['idempotency-key']}`)).toEqual([
      `POST /a ${id}:1:a`,
      `POST /b ${id}:1:b`,
      `DELETE /a ${id}:1:compensate:a`,
      `POST /a ${id}:2:a`,
      `POST /b ${id}:2:b`,
      `POST /c ${id}:2:c`,
      `DELETE /b ${id}:2:compensate:b`,
      `DELETE /a ${id}:2:compensate:a`,
    ]);
  });

  it('retry keeps a settled fork-join as it ended, unless the saga undid a step inside it', async () => {
    let attempt = 1;
    const keyOf = (call: { headers: Record<string, unknown> }) =>
      String(call.headers['idempotency-key']);
    const api = await receiver(async (call) => {
      if (call.path.startsWith('/slow')) await new Promise((r) => setTimeout(r, 1_500));
      // `quick` answers once `slow` of the same try has been called: the branches start together,
      // but each does its bookkeeping first, and a branch that gets to its step after the join
      // closed (under load, `quick` could end the fork before `slow` sent anything) is cancelled
      // without a call. Holding `quick` makes every run of the fork call both.
      if (call.method === 'POST' && call.path.startsWith('/quick')) {
        const slowKey = keyOf(call).replace(/:quick$/, ':slow');
        await eventually(async () => api.calls.some((c) => keyOf(c) === slowKey), Boolean).catch(
          () => undefined,
        );
      }
      if (call.method === 'POST' && call.path.startsWith('/finish'))
        return { status: attempt === 1 ? 400 : 200 };
      return { status: 200 };
    });
    const race = (suffix: string, compensated: boolean) => ({
      id: `race${suffix}`,
      steps: [
        {
          id: 'fork',
          kind: 'parallel',
          join: 'any',
          branches: [
            {
              id: 'fast',
              steps: [
                {
                  id: 'quick',
                  kind: 'http',
                  method: 'POST',
                  url: `${api.url}/quick${suffix}`,
                  ...(compensated ? { compensation: 'undo-quick' } : {}),
                },
              ],
            },
            {
              id: 'slow-branch',
              steps: [
                { id: 'slow', kind: 'http', method: 'POST', url: `${api.url}/slow${suffix}` },
              ],
            },
          ],
        },
        {
          id: 'finish',
          kind: 'http',
          method: 'POST',
          url: `${api.url}/finish${suffix}`,
          ...(compensated ? { onError: { strategy: 'compensate' } } : {}),
        },
      ],
      compensations: compensated
        ? [{ id: 'undo-quick', kind: 'http', method: 'DELETE', url: `${api.url}/quick${suffix}` }]
        : [],
    });
    // The calls of one try of a run, in the order they came (their idempotency key names the try).
    const calls = (runId: string, tryNo: number) =>
      api.calls
        .filter((c) => keyOf(c).startsWith(`${runId}:${tryNo}:`))
        .map((c) => `${c.method} ${c.path}`);
    const outcome = (r: Awaited<ReturnType<typeof run>>) =>
      r.steps.map((s) => `${s.step}:${s.status}`).sort();
    const settled = [
      'fast:completed',
      'finish:completed',
      'fork:completed',
      'quick:completed',
      'slow-branch:cancelled',
      'slow:cancelled',
    ];

    // Nothing undone: the fork is not re-entered; its cancelled branch stays cancelled.
    await fixture.app.definitions.create(race('-kept', false));
    const kept = (await fixture.app.definitions.startRun('race-kept', {})).id;
    expect((await untilEnded(kept)).status).toBe('failed');
    attempt = 2;
    await fixture.app.definitions.retry(kept);
    const keptAgain = await eventually(
      () => run(kept),
      (r) => r.attempt === 2 && ended(r),
    );
    expect(keptAgain.status).toBe('completed');
    expect(outcome(keptAgain)).toEqual(settled);
    expect(calls(kept, 1).sort()).toEqual([
      'POST /finish-kept',
      'POST /quick-kept',
      'POST /slow-kept',
    ]);
    expect(calls(kept, 2)).toEqual(['POST /finish-kept']);

    // The saga undid `quick`: the fork runs again as a whole (and its join cancels `slow` again).
    attempt = 1;
    await fixture.app.definitions.create(race('-undone', true));
    const undone = (await fixture.app.definitions.startRun('race-undone', {})).id;
    expect((await untilEnded(undone)).compensations).toEqual([
      expect.objectContaining({ step: 'quick', status: 'done' }),
    ]);
    attempt = 2;
    await fixture.app.definitions.retry(undone);
    const redone = await eventually(
      () => run(undone),
      (r) => r.attempt === 2 && ended(r),
    );
    expect(redone.status).toBe('completed');
    expect(outcome(redone)).toEqual(settled);
    // The branches of a fork start in either order.
    const [first, second] = [calls(undone, 1), calls(undone, 2)];
    expect(first.slice(2)).toEqual(['POST /finish-undone', 'DELETE /quick-undone']);
    expect(second.slice(2)).toEqual(['POST /finish-undone']);
    for (const forked of [first, second])
      expect(forked.slice(0, 2).sort()).toEqual(['POST /quick-undone', 'POST /slow-undone']);
  });

  it("a process that lost a run's lease to another stops its step and writes nothing more", async () => {
    let aborted: () => void = () => undefined;
    const requestAborted = new Promise<void>((r) => {
      aborted = r;
    });
    const server = createServer((req) => req.on('close', () => aborted()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    await fixture.app.definitions.create({
      id: 'usurped',
      steps: [{ id: 'slow', kind: 'http', url: `http://127.0.0.1:${port}/slow` }],
    });
    const { id } = await fixture.app.definitions.startRun('usurped', {});
    await eventually(
      () => run(id),
      (r) => r.currentSteps.includes('slow'),
    );
    // Another process takes the run over (as after a stall past the lease).
    await fixture.app.database.pool.query(
      `update workflow_runs set lease_owner = 'another-process', lease_until = now() + interval '1 hour' where id = $1`,
      [id],
    );
    await requestAborted;
    server.closeAllConnections();
    server.close();
    await eventually(
      () => run(id),
      () => !fixture.app.definitions.engine.driving.includes(id),
    );
    const after = await run(id);
    expect(after.status).toBe('running');
    expect(after.steps[0]).toMatchObject({ step: 'slow', status: 'running' });
    const { rows } = await fixture.app.database.pool.query(
      'select lease_owner from workflow_runs where id = $1',
      [id],
    );
    expect(rows[0].lease_owner).toBe('another-process');
  });

  it('an event wait that times out takes its onError (here: skip)', async () => {
    await fixture.app.definitions.create({
      id: 'impatient',
      steps: [
        {
          id: 'wait',
          kind: 'event',
          event: 'never.happens',
          timeoutMs: 100,
          onError: { strategy: 'skip' },
        },
        { id: 'after', kind: 'set', output: '{{ steps.wait.errorClass }}' },
      ],
    });
    const done = await runOnce('impatient');
    expect(done.status).toBe('completed');
    expect(done.steps[0]).toMatchObject({
      step: 'wait',
      status: 'skipped',
      errorClass: 'transient',
    });
    expect(done.output).toBe('transient');
  });

  it('analytics: percentiles, rates by error class, trend, and recommendations', async () => {
    await fixture.app.definitions.create({
      id: 'analyzed',
      steps: [
        { id: 'fetch', kind: 'set', output: { n: '{{ input.n }}' } },
        { id: 'audit', kind: 'set', output: 'logged' },
        { id: 'total', kind: 'set', output: '{{ steps.audit.output }}' },
      ],
    });
    for (let i = 0; i < 3; i++) await runOnce('analyzed');
    const report = await fixture.app.definitions.analytics('analyzed');
    expect(report).toMatchObject({ definition: 'analyzed', runs: 3, successRate: 1 });
    expect(report.steps.map((s) => s.step).sort()).toEqual(['audit', 'fetch', 'total']);
    expect(report.steps[0]).toMatchObject({
      runs: 3,
      successRate: 1,
      durationMs: { p50: expect.any(Number) },
    });
    expect(report.trend).toEqual([expect.objectContaining({ runs: 3, completed: 3 })]);
    expect(report.recommendations).toContainEqual(
      expect.objectContaining({ type: 'parallelization', steps: ['fetch', 'audit'] }),
    );
    const breakerReport = await fixture.app.definitions.analytics('breaker');
    expect(breakerReport.steps[0]!.errorsByClass).toMatchObject({ transient: 6, system: 1 });
    expect(breakerReport.failureRate).toBeGreaterThan(0);
  });

  it('analytics: the slow step is the bottleneck and recommended against, the flaky one too', async () => {
    const seen = new Map<string, number>();
    const api = await receiver(async (call) => {
      if (call.path === '/slow') await new Promise((r) => setTimeout(r, 250));
      if (call.path === '/flaky') {
        // Every run's first try fails; its retry succeeds.
        const key = String(call.headers['idempotency-key']);
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (seen.get(key) === 1) return { status: 503 };
      }
      return { status: 200 };
    });
    await fixture.app.definitions.create({
      id: 'profiled',
      steps: [
        { id: 'prepare', kind: 'set', output: 1 },
        { id: 'fast', kind: 'http', method: 'POST', url: `${api.url}/fast` },
        { id: 'slow', kind: 'http', method: 'POST', url: `${api.url}/slow` },
        {
          id: 'flaky',
          kind: 'http',
          method: 'POST',
          url: `${api.url}/flaky`,
          retry: { maxAttempts: 3, backoff: 'fixed', delayMs: 5 },
        },
      ],
    });
    for (let i = 0; i < 3; i++) expect((await runOnce('profiled')).status).toBe('completed');
    const report = await fixture.app.definitions.analytics('profiled');
    const step = (id: string) => report.steps.find((s) => s.step === id)!;
    expect(step('flaky')).toMatchObject({ runs: 3, successRate: 1, retryRate: 1 });
    expect(step('slow').durationMs.p50).toBeGreaterThanOrEqual(250);
    expect(report.bottlenecks).toEqual([
      { step: 'slow', shareOfTime: expect.any(Number), meanMs: expect.any(Number) },
    ]);
    expect(report.bottlenecks[0]!.shareOfTime).toBeGreaterThan(0.5);
    expect(report.recommendations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'performance', priority: 'high', steps: ['slow'] }),
        expect.objectContaining({ type: 'reliability', priority: 'high', steps: ['flaky'] }),
      ]),
    );
  });
});
