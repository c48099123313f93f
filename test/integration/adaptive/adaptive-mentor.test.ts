import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import { routeDefinitions } from '../../../src/http/routes/index.ts';
import type { SessionService } from '../../../src/sessions/service.ts';
import { cartStorySteps } from '../../e2e/support/cart-story.ts';
import { cartStory } from '../sessions/fixtures/story.ts';
import { testService } from '../sessions/fixtures/db.ts';

/**
 * The adaptive mentor (seed 001 "Adaptive features"): a learner's earlier sessions, driven by
 * events, change the next session's timeouts, hint depth, plan granularity and the suggested
 * next story, and the session API explains each factor. Two services on the same database with
 * different TIME_SCALEs: 15 minutes × 0.0002 = 180 ms, so a learner who waits 400 ms before each
 * step takes more than twice the estimate; at TIME_SCALE 1 the same steps take a tiny fraction.
 */
const slow = testService({ timeScale: 0.0002 });
const fast = testService({ timeScale: 1 });
afterAll(() => Promise.all([slow.pool.end(), fast.pool.end()]));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One whole cart story, waiting `pauseMs` before each event of the implementation. */
async function finishStory(service: SessionService, learnerId: string, pauseMs = 0) {
  const { session } = await service.createSession({ learnerId, story: cartStory });
  let replies: string[] = [];
  let implementing = false;
  for (const step of cartStorySteps) {
    if (implementing && pauseMs) await sleep(pauseMs);
    const result = await service.ingestEvent(
      session.id,
      step.kind === 'message'
        ? { type: 'learner-message', data: { text: step.text } }
        : { type: step.type, data: step.data },
    );
    expect(result.session.state).toBe(step.to);
    implementing = step.to === 'START_IMPLEMENTATION' || step.to === 'CONTINUE_MONITORING';
    replies = result.replies.map((r) => r.text);
  }
  return { id: session.id, replies };
}

/** A new session walked to its first task; its step timer's duration and its adaptive view. */
async function firstTask(service: SessionService, learnerId: string) {
  const { session } = await service.createSession({ learnerId, story: cartStory });
  for (const step of cartStorySteps.slice(0, 2))
    await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: (step as { text: string }).text },
    });
  const view = await service.getSession(session.id);
  expect(view.state).toBe('START_IMPLEMENTATION');
  const step = (await service.listTimers(session.id)).find((t) => t.kind === 'step')!;
  return { id: session.id, view, stepMs: Date.parse(step.dueAt) - Date.parse(view.enteredAt) };
}

/** GET /api/sessions/:id as its route answers it (a learner-scoped key of the session's learner). */
async function getSessionRoute(service: SessionService, id: string, learnerId: string) {
  const route = routeDefinitions.find((r) => r.method === 'GET' && r.path === '/sessions/:id')!;
  const res = await route.handle({
    app: { sessions: service } as unknown as App,
    params: { id },
    query: {},
    body: undefined,
    principal: { learnerId } as never,
  } as never);
  return (await res!.json()) as { adaptive: { explanation: string[]; timeoutFactor: number } };
}

describe('adaptive mentor', () => {
  it('a learner without history gets the policy as it is, explained', async () => {
    const { view, stepMs } = await firstTask(slow.service, `new-${randomUUID()}`);
    expect(stepMs).toBe(15 * 60_000 * 0.0002);
    expect(view.adaptive).toMatchObject({ timeoutFactor: 1, level: 'beginner', hintStartDepth: 2 });
    expect(view.adaptive!.explanation[0]).toBe('timeouts ×1: no finished tasks yet to learn from');
  });

  it('slow tasks stretch the next session’s timeouts (bounded) and split its plan steps', async () => {
    const learner = `slow-${randomUUID()}`;
    await finishStory(slow.service, learner, 400);
    const second = await finishStory(slow.service, learner, 400);
    // Its own tasks took > 2× their estimate: the suggestion is not to go up.
    expect(second.replies.join('\n')).toMatch(/I suggest a simple one: your tasks took [\d.]+×/);

    const { view, stepMs } = await firstTask(slow.service, learner);
    const adaptive = view.adaptive!;
    expect(adaptive.profile).toMatchObject({ sessions: 2, tasks: 6, gateFirstPasses: 2 });
    for (const ratio of adaptive.profile.recentRatios) expect(ratio).toBeGreaterThan(2);
    // The mean ratio is above the bound: the factor stops at 2.
    expect(adaptive.timeoutFactor).toBe(2);
    expect(stepMs).toBe(15 * 60_000 * 0.0002 * 2);
    expect(adaptive.explanation[0]).toMatch(
      /^timeouts ×2: your last 5 tasks took [\d.]+× their estimate \(the factor stays within 0\.75–2\)$/,
    );
    expect(adaptive.granularity).toBe('fine');
    expect(adaptive.level).toBe('beginner');
    // The API explains the factors.
    const api = await getSessionRoute(slow.service, view.id, learner);
    expect(api.adaptive.timeoutFactor).toBe(2);
    expect(api.adaptive.explanation).toEqual(adaptive.explanation);
    expect(api.adaptive.explanation[2]).toBe('plan steps: finer (compound steps are split in two)');

    // Finer steps: a compound plan step becomes two tasks.
    const { session } = await slow.service.createSession({ learnerId: learner, story: cartStory });
    await slow.service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: (cartStorySteps[0] as { text: string }).text },
    });
    const planned = await slow.service.ingestEvent(session.id, {
      type: 'learner-message',
      data: {
        text: '1. Write a failing test for the total\n2. Sum the item prices with reduce and handle the empty cart as zero',
      },
    });
    expect(planned.session.state).toBe('START_IMPLEMENTATION');
    expect(planned.replies.map((r) => r.text).join('\n')).toMatch(/Plan approved: 3 steps/);
    expect((await slow.service.getSession(session.id)).currentTask).toBe(
      'Write a failing test for the total',
    );
  });

  it('a repeated error is an outcome of the session and part of the next one’s profile', async () => {
    const learner = `stuck-${randomUUID()}`;
    const { session } = await fast.service.createSession({ learnerId: learner, story: cartStory });
    for (const step of cartStorySteps.slice(0, 3))
      await fast.service.ingestEvent(
        session.id,
        step.kind === 'message'
          ? { type: 'learner-message', data: { text: step.text } }
          : { type: step.type, data: step.data },
      );
    const failing = {
      failed: 1,
      passed: 3,
      failures: [{ name: 'cart > total sums prices', message: 'expected 30, got "1020"' }],
    };
    let last = '';
    for (let i = 0; i < 3; i++)
      last = (await fast.service.ingestEvent(session.id, { type: 'test-run', data: failing }))
        .session.state;
    expect(last).toBe('TEST_STRATEGY_ISSUE');
    const { rows } = await fast.pool.query(
      `select context->'outcomes' as o from sessions where id = $1`,
      [session.id],
    );
    expect(rows[0].o).toMatchObject({ repeatedErrors: 1, helpRequests: 0 });
    expect(rows[0].o.taskRatios).toHaveLength(1);

    const next = await firstTask(fast.service, learner);
    expect(next.view.adaptive!.profile).toMatchObject({ sessions: 1, tasks: 1, repeatedErrors: 1 });
    expect(next.view.adaptive!.explanation[1]).toMatch(/, 1 repeated error\)$/);
  });

  it('the step timer follows the current plan step’s complexity, not only the story’s', async () => {
    const { session } = await fast.service.createSession({
      learnerId: `steps-${randomUUID()}`,
      story: cartStory,
    });
    await fast.service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: (cartStorySteps[0] as { text: string }).text },
    });
    await fast.service.ingestEvent(session.id, {
      type: 'learner-message',
      data: {
        text: [
          '1. Write a failing test for the total',
          '2. Sum the item prices with reduce over every item in the cart, rounding each price to cents, then check the result against the expected totals from the product catalogue',
          '3. Research how other carts round and compare the approaches',
        ].join('\n'),
      },
    });
    const stepTimer = async () => {
      const view = await fast.service.getSession(session.id);
      const t = (await fast.service.listTimers(session.id)).find((x) => x.kind === 'step')!;
      return { event: t.event, ms: Date.parse(t.dueAt) - Date.parse(view.enteredAt) };
    };
    // A simple story: a short step gets 15 minutes, a long compound one 30, a research step 45.
    expect(await stepTimer()).toEqual({ event: 'timeout', ms: 15 * 60_000 });
    for (const [done, expected] of [
      ['the failing test is written', { event: 'complexTimeout', ms: 30 * 60_000 }],
      ['the sum is implemented', { event: 'researchTimeout', ms: 45 * 60_000 }],
    ] as const) {
      await fast.service.ingestEvent(session.id, { type: 'learner-message', data: { text: done } });
      expect(await stepTimer()).toEqual(expected);
    }
  });

  it('fast tasks and first-try gates shorten timeouts, start hints shallower and suggest more', async () => {
    const learner = `fast-${randomUUID()}`;
    const first = await finishStory(fast.service, learner);
    expect(first.replies.join('\n')).toMatch(/I suggest a complex one: your tasks took/);
    await finishStory(fast.service, learner);

    const { id, view, stepMs } = await firstTask(fast.service, learner);
    expect(view.adaptive).toMatchObject({
      timeoutFactor: 0.75,
      level: 'advanced',
      hintStartDepth: 1,
      granularity: 'coarse',
      profile: { sessions: 2, tasks: 6, helpRequests: 0, gateSessions: 2, gateFirstPasses: 2 },
    });
    expect(stepMs).toBe(15 * 60_000 * 0.75);
    expect(view.adaptive!.explanation[1]).toMatch(/^hints start at depth 1 of 3 \(level advanced/);

    // The hint rules read the level: the same request gets a shallower first hint than a new
    // learner's (who starts at depth 2).
    const hintFor = async (service: SessionService, sessionId: string) => {
      const r = await service.ingestEvent(sessionId, {
        type: 'help-request',
        data: { text: 'I would like a hint' },
      });
      expect(r.session.state).toBe('PROVIDE_HINT');
      return r.replies.map((x) => x.text).join('\n');
    };
    const newcomer = await firstTask(fast.service, `new-${randomUUID()}`);
    const shallow = await hintFor(fast.service, id);
    const deeper = await hintFor(fast.service, newcomer.id);
    expect(shallow).toMatch(/Hint 1 of 3/);
    expect(deeper).toMatch(/Hint 1 of 3/);
    expect(shallow).not.toBe(deeper);
    // A beginner is told to come back for a more concrete hint; an advanced learner is not.
    expect(deeper).toMatch(/ask again for a more concrete hint/);
    expect(shallow).not.toMatch(/more concrete hint/);
    // Help requests are outcomes of this session, for the next one.
    const outcomes = await fast.pool.query(
      `select context->'outcomes'->'helpRequests' as n from sessions where id = $1`,
      [id],
    );
    expect(outcomes.rows[0].n).toBe(1);
  });
});
