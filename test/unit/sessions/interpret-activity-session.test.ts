import { afterAll, describe, expect, it } from 'vitest';
import { testService } from '../../integration/sessions/fixtures/db.ts';
import {
  cartStory,
  goodPlan,
  restatement,
  scriptedPort,
} from '../../integration/sessions/fixtures/story.ts';

/**
 * Plain-language activity reports in a real session (PostgreSQL, rules mode): a sentence moves the
 * session as the structured event would, in pairs of sessions driven the same way but for the one
 * event; in the quality gates a stated figure is a claim and the mentor asks for the report.
 */
const { pool, service } = testService();
afterAll(() => pool.end());

const send = (id: string, type: string, data: Record<string, unknown> = {}) =>
  service.ingestEvent(id, { type, data });
const say = (id: string, text: string) => send(id, 'learner-message', { text });

async function implementing() {
  const { session } = await service.createSession({ learnerId: 'ana', story: cartStory });
  await say(session.id, restatement);
  expect((await say(session.id, goodPlan)).session.state).toBe('START_IMPLEMENTATION');
  return session.id;
}

/** A session waiting for the quality-gate reports, the tests already in. */
async function inQualityGates() {
  const id = await implementing();
  await send(id, 'test-run', { failed: 0, passed: 2, total: 2 });
  await say(id, 'done');
  expect((await send(id, 'test-run', { failed: 0, passed: 5 })).session.state).toBe(
    'DETERMINE_OUTCOME',
  );
  return id;
}

/** A session in PREPARE_CODE_REVIEW: every gate report in and passing. */
async function readyForReview() {
  const id = await inQualityGates();
  for (const [type, data] of [
    ['coverage', { lines: 96 }],
    ['lint', { errorCount: 0 }],
    ['typecheck', { errorCount: 0 }],
    ['build', { success: true }],
    ['security-scan', { counts: {} }],
  ] as const)
    await send(id, type, data);
  expect((await service.getSession(id)).state).toBe('PREPARE_CODE_REVIEW');
  return id;
}

describe('plain-language activity reports in a session', () => {
  it('"all 2 tests pass" moves a working session as a passing test-run does', async () => {
    const [a, b] = [await implementing(), await implementing()];
    const structured = await send(a, 'test-run', { failed: 0, passed: 2, total: 2 });
    const sentence = await say(b, 'all 2 tests pass');
    expect(sentence.session.state).toBe(structured.session.state);
    expect(sentence.outcome.status === 'applied' && sentence.outcome.machineEvents).toEqual(
      structured.outcome.status === 'applied' && structured.outcome.machineEvents,
    );
    const last = (await service.listTransitions(b)).find((t) => t.event === 'taskCompleted');
    expect(last).toBeDefined();
  });

  it('"scorePassword is implemented" completes the step like "done"', async () => {
    const [a, b] = [await implementing(), await implementing()];
    const done = await say(a, 'done');
    const implemented = await say(b, 'total() is implemented');
    expect(implemented.session.state).toBe(done.session.state);
    expect(implemented.outcome.status === 'applied' && implemented.outcome.machineEvents).toEqual(
      done.outcome.status === 'applied' && done.outcome.machineEvents,
    );
  });

  it('in the quality gates a stated figure is a claim: the gate waits and the mentor asks for the report', async () => {
    const id = await inQualityGates();
    const claim = await say(id, 'coverage is 96% now');
    expect(claim.session.state).toBe('DETERMINE_OUTCOME');
    expect(claim.replies.map((r) => r.action)).toEqual(['askForReport']);
    expect(claim.replies[0]!.text).toMatch(/coverage report itself/);
    expect(claim.replies[0]!.text).toContain(`mentorflow report --session ${id}`);
    // The structured report still counts when it comes.
    for (const [type, data] of [
      ['coverage', { lines: 96 }],
      ['lint', { errorCount: 0 }],
      ['typecheck', { errorCount: 0 }],
      ['build', { success: true }],
      ['security-scan', { counts: {} }],
    ] as const)
      await send(id, type, data);
    expect((await service.getSession(id)).state).toBe('PREPARE_CODE_REVIEW');
  });

  it('review news in sentences moves the review as review-feedback events do', async () => {
    const [a, b] = [await readyForReview(), await readyForReview()];
    const steps: [Record<string, unknown>, string][] = [
      [
        { decision: 'submitted', prUrl: 'https://git.example/acme/cart/pull/7' },
        'PR is up: https://git.example/acme/cart/pull/7',
      ],
      [{ decision: 'minor-changes' }, 'the reviewer asked for a few changes'],
    ];
    for (const [data, text] of steps) {
      const structured = await send(a, 'review-feedback', data);
      const sentence = await say(b, text);
      expect(sentence.session.state, text).toBe(structured.session.state);
    }
    expect((await service.getSession(b)).state).toBe('GUIDE_FIXES');
  });

  it('"merged" or "approved" alone moves a review as the review-feedback event does', async () => {
    const [a, b] = [await readyForReview(), await readyForReview()];
    const url = 'https://git.example/acme/cart/pull/8';
    const steps: [Record<string, unknown>, string][] = [
      [{ decision: 'submitted', prUrl: url }, `opened the PR ${url}`],
      [{ decision: 'approved' }, 'approved!'],
      [{ decision: 'merged' }, "it's merged"],
    ];
    for (const [data, text] of steps) {
      const structured = await send(a, 'review-feedback', data);
      const sentence = await say(b, text);
      expect(sentence.session.state, text).toBe(structured.session.state);
    }
    expect((await service.getSession(b)).status).toBe('completed');
  });

  it('a message with two reports applies both, each in the state the first led to', async () => {
    const [a, b] = [await readyForReview(), await readyForReview()];
    await send(a, 'review-feedback', { decision: 'submitted' });
    await say(b, 'the PR is up');
    await send(a, 'review-feedback', { decision: 'minor-changes' });
    const structured = await send(a, 'commit', {});
    const sentence = await say(
      b,
      'the reviewer asked for a few changes; I fixed them and committed',
    );
    expect(structured.session.state).not.toBe('GUIDE_FIXES');
    expect(sentence.session.state).toBe(structured.session.state);
    const events = (await service.listTransitions(b)).map((t) => t.event);
    expect(events.slice(-2)).toEqual(['minorChanges', 'fixesStarted']);
  });

  it('two reports of one finished step complete it once', async () => {
    const [a, b] = [await implementing(), await implementing()];
    const done = await say(a, 'done');
    const both = await say(b, 'total() is implemented and all 2 tests pass');
    expect(both.session.state).toBe(done.session.state);
    const completed = (await service.listTransitions(b)).filter((t) => t.event === 'taskCompleted');
    expect(completed).toHaveLength(1);
  });

  it('in the quality gates, one reply asks for every report the message claims', async () => {
    const id = await inQualityGates();
    const claim = await say(id, 'coverage is 96%, lint is clean and no more type errors');
    expect(claim.session.state).toBe('DETERMINE_OUTCOME');
    expect(claim.replies.map((r) => r.action)).toEqual(['askForReport']);
    expect(claim.replies[0]!.text).toMatch(
      /coverage report, type check and lint report themselves/,
    );
    expect(claim.replies[0]!.text).toContain('-- npx tsc --noEmit');
  });

  it('in rules mode the session reads by the rules itself: no agent call per message', async () => {
    const id = await implementing();
    const said = await say(id, 'all 2 tests pass');
    expect(said.outcome.status === 'applied' && said.outcome.machineEvents).toContain(
      'taskCompleted',
    );
    const { rows } = await pool.query('select agent_calls from turns where event_id = $1', [
      said.event.id,
    ]);
    const calls = (rows[0]?.agent_calls ?? []) as { action: string }[];
    expect(calls.map((c) => c.action)).not.toContain('readActivity');
  });

  it('through an agent port that only has rules, the activity reader answers with the rules reading', async () => {
    const { port, calls } = scriptedPort();
    const { service: viaAgent } = testService({ pool, agents: port });
    const { session } = await viaAgent.createSession({ learnerId: 'ana', story: cartStory });
    await viaAgent.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: restatement },
    });
    await viaAgent.ingestEvent(session.id, { type: 'learner-message', data: { text: goodPlan } });
    const said = await viaAgent.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: 'all 2 tests pass' },
    });
    expect(said.outcome.status === 'applied' && said.outcome.machineEvents).toContain(
      'taskCompleted',
    );
    expect(calls.find((c) => c.eventId === said.event.id)).toMatchObject({
      name: 'readActivity',
      input: { message: 'all 2 tests pass', state: 'START_IMPLEMENTATION' },
    });
    const { rows } = await pool.query('select agent_calls from turns where event_id = $1', [
      said.event.id,
    ]);
    expect(rows[0].agent_calls[0]).toMatchObject({
      action: 'readActivity',
      model: 'rules/activity-reader',
      tokensIn: 0,
      fallback: false,
    });
  });

  it('a question or a plan about the tests reports nothing', async () => {
    const id = await implementing();
    const asked = await say(id, 'do all the tests need to pass before I commit?');
    expect(asked.session.state).toBe('START_IMPLEMENTATION');
    const planned = await say(id, 'once the tests pass I will open the PR');
    expect(planned.session.state).toBe('START_IMPLEMENTATION');
  });
});
