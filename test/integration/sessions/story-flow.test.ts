import { afterAll, describe, expect, it } from 'vitest';
import type { SessionService } from '../../../src/sessions/service.ts';
import { count, testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement, scriptedPort } from './fixtures/story.ts';

const { pool, service } = testService();
afterAll(() => pool.end());

async function send(
  svc: SessionService,
  sessionId: string,
  type: string,
  data: Record<string, unknown> = {},
) {
  return svc.ingestEvent(sessionId, { type, data });
}

/** A new session, past understanding and planning, working on its first task. */
async function implementing(svc: SessionService = service) {
  const { session } = await svc.createSession({ learnerId: 'ana', story: cartStory });
  await send(svc, session.id, 'learner-message', { text: restatement });
  const planned = await send(svc, session.id, 'learner-message', { text: goodPlan });
  expect(planned.session.state).toBe('START_IMPLEMENTATION');
  return session.id;
}

/** A session monitoring progress (first task done). */
async function monitoring(svc: SessionService = service) {
  const id = await implementing(svc);
  const r = await send(svc, id, 'test-run', { failed: 0, passed: 2 });
  expect(r.session.state).toBe('CONTINUE_MONITORING');
  return id;
}

/** A session whose plan is done, waiting in the quality gates with only a passing test report. */
async function inQualityGates() {
  const id = await monitoring();
  await send(svc0(), id, 'learner-message', { text: 'done' });
  const r = await send(svc0(), id, 'test-run', { failed: 0, passed: 5 });
  expect(r.session.state).toBe('DETERMINE_OUTCOME');
  return id;
}
const svc0 = () => service;

const states = async (id: string) => (await service.listTransitions(id)).map((t) => t.to);

describe('a story session driven by events', () => {
  it('goes from INIT_STORY_PROCESSING to STORY_COMPLETE', async () => {
    const created = await service.createSession({
      learnerId: 'ana',
      mentorId: 'maria',
      story: cartStory,
    });
    expect(created.session.state).toBe('ASSESS_JUNIOR_CAPABILITY');
    expect(created.replies.map((r) => r.action)).toEqual(['loadStory', 'assessUnderstanding']);
    const id = created.session.id;
    // The reference solution is kept out of the learner view.
    expect(JSON.stringify(created.session)).not.toContain('reduce');

    const steps: [string, Record<string, unknown>, string][] = [
      ['learner-message', { text: restatement }, 'PLAN_DECOMPOSITION'],
      ['learner-message', { text: goodPlan }, 'START_IMPLEMENTATION'],
      ['test-run', { failed: 0, passed: 1 }, 'CONTINUE_MONITORING'],
      ['commit', { sha: 'a1', diffHash: 'd1' }, 'CONTINUE_MONITORING'],
      ['learner-message', { text: 'done, the sum works' }, 'CONTINUE_MONITORING'],
      ['test-run', { failed: 0, passed: 4 }, 'DETERMINE_OUTCOME'],
      ['coverage', { lines: 96 }, 'DETERMINE_OUTCOME'],
      ['lint', { errorCount: 0 }, 'DETERMINE_OUTCOME'],
      ['typecheck', { errorCount: 0 }, 'DETERMINE_OUTCOME'],
      ['build', { success: true }, 'DETERMINE_OUTCOME'],
      ['security-scan', { counts: { low: 0 } }, 'PREPARE_CODE_REVIEW'],
      [
        'review-feedback',
        { decision: 'submitted', prUrl: 'https://git.example/pull/1' },
        'MONITOR_REVIEW',
      ],
      ['review-feedback', { decision: 'approved' }, 'MERGE_AND_COMPLETE'],
      ['review-feedback', { decision: 'merged' }, 'STORY_COMPLETE'],
    ];
    let version = created.session.version;
    for (const [type, data, expected] of steps) {
      const result = await send(service, id, type, data);
      expect(result.session.state, `${type} ${JSON.stringify(data)}`).toBe(expected);
      expect(result.session.version).toBe(version + 1);
      version = result.session.version;
    }

    const session = await service.getSession(id);
    expect(session.status).toBe('completed');
    expect(session.completedAt).not.toBeNull();
    expect(session.allowedEvents).toEqual(expect.arrayContaining(['newStoryAssigned', 'end']));
    const log = await service.listTransitions(id);
    expect(log[0]).toMatchObject({
      from: 'INIT_STORY_PROCESSING',
      event: 'storyLoaded',
      to: 'ASSESS_JUNIOR_CAPABILITY',
    });
    for (const state of [
      'APPROVE_PLAN',
      'NEXT_IMPLEMENTATION_STEP',
      'RUN_CHECKS',
      'ANALYZE_RESULTS',
      'PREPARE_CODE_REVIEW',
      'STORY_COMPLETE',
    ]) {
      expect(log.map((t) => t.to)).toContain(state);
    }
    expect(log.map((t) => t.version)).toEqual([...log.map((t) => t.version)].sort((a, b) => a - b));
    // STORY_COMPLETE clears every timer: no job is left.
    expect(await service.listTimers(id)).toEqual([]);
    expect(
      await count(pool, 'select count(*) as n from graphile_worker.jobs where key like $1', [
        `session:${id}:%`,
      ]),
    ).toBe(0);
    expect(
      await count(
        pool,
        "select count(*) as n from notifications where session_id = $1 and kind = 'story-complete' and recipient = 'maria'",
        [id],
      ),
    ).toBe(1);
    expect(
      await count(pool, 'select count(*) as n from turns where session_id = $1', [id]),
    ).toBeGreaterThan(5);

    // The next story starts over in the same session.
    const next = await service.ingestEvent(id, {
      type: 'newStoryAssigned',
      data: {
        story: {
          title: 'Apply a discount',
          description: 'Take 10 % off',
          acceptanceCriteria: ['Totals over 100 get 10 % off'],
        },
      },
    });
    expect(next.session).toMatchObject({ state: 'ASSESS_JUNIOR_CAPABILITY', status: 'active' });
    expect(next.replies[0]!.text).toContain('Apply a discount');
    expect(await service.getSession(id)).toMatchObject({
      story: { title: 'Apply a discount' },
      completedAt: null,
      currentTask: null,
    });
    await expect(service.ingestEvent(id, { type: 'end', data: {} })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('goes through DIAGNOSE_BLOCKER with an injected agent port', async () => {
    const { port, calls } = scriptedPort({
      diagnoseBlocker: () => ({
        category: 'technicalError',
        confidence: 0.9,
        evidence: ['TypeError'],
        summary: 'price is a string: convert it with Number()',
        nextStep: 'convert',
        reply: 'Found it: the price is a string.',
      }),
    });
    const { service: svc } = testService({ pool, agents: port });
    const id = await implementing(svc);
    await send(svc, id, 'build', {
      success: false,
      errors: ["TypeError: Cannot read properties of undefined (reading 'price')"],
    });
    const stuck = await send(svc, id, 'timeout');
    expect(stuck.session.state).toBe('VERIFY_FIX');
    expect(stuck.outcome.status === 'applied' && stuck.outcome.machineEvents).toEqual([
      'timeout',
      'stateAnalyzed',
      'technicalError',
      'fixProvided',
    ]);
    expect(stuck.replies.map((r) => r.text)).toContain('Found it: the price is a string.');
    const diagnosis = calls.find((c) => c.name === 'diagnoseBlocker')!;
    expect(diagnosis.input.recentErrors).toEqual([
      "TypeError: Cannot read properties of undefined (reading 'price')",
    ]);
    expect(await states(id)).toEqual(
      expect.arrayContaining([
        'ANALYZE_STATE',
        'CATEGORIZE_ISSUE',
        'FIX_TECHNICAL_ISSUE',
        'VERIFY_FIX',
      ]),
    );

    const fixed = await send(svc, id, 'learner-message', { text: 'yes it works now, thanks' });
    expect(fixed.session.state).toBe('CONTINUE_MONITORING');
    const { rows } = await pool.query(
      'select tokens_in, tokens_out, model, agent_calls from turns where event_id = $1',
      [stuck.event.id],
    );
    expect(rows[0]).toMatchObject({ tokens_in: 11, tokens_out: 7, model: 'test/scripted' });
  });

  it('goes through DETECT_PATTERN when the same test keeps failing', async () => {
    const id = await monitoring();
    const failing = {
      failed: 1,
      passed: 3,
      failures: [{ name: 'cart > total sums prices', message: 'expected 30, got "1020"' }],
    };
    expect((await send(service, id, 'test-run', failing)).session.state).toBe('ENCOURAGE_SPEED');
    expect((await send(service, id, 'test-run', failing)).session.state).toBe('ENCOURAGE_SPEED');
    const third = await send(service, id, 'test-run', failing);
    expect(third.session.state).toBe('TEST_STRATEGY_ISSUE');
    expect(third.outcome.status === 'applied' && third.outcome.machineEvents).toEqual([
      'circularActivity',
      'sameTestFailing',
    ]);
    const log = await service.listTransitions(id);
    expect(log.find((t) => t.to === 'DETECT_PATTERN')?.eventData).toMatchObject({
      pattern: 'sameTestFailing',
      subject: expect.stringContaining('cart > total sums prices'),
    });
    const back = await send(service, id, 'learner-message', {
      text: 'ok, I will isolate the test',
    });
    expect(back.session.state).toBe('CONTINUE_MONITORING');
  });

  it('goes through QUALITY_GATE_CHECK: minor issues are auto-fixed, a broken build blocks', async () => {
    const id = await inQualityGates();
    await send(service, id, 'coverage', { lines: 93 });
    await send(service, id, 'typecheck', { errorCount: 0 });
    await send(service, id, 'build', { success: true });
    await send(service, id, 'security-scan', { counts: {} });
    const lint = await send(service, id, 'lint', { errorCount: 2, fixableErrorCount: 2 });
    expect(lint.session.state).toBe('AUTO_FIX_ISSUES');
    expect(
      (await send(service, id, 'lint', { errorCount: 1, fixableErrorCount: 1 })).session.state,
    ).toBe('AUTO_FIX_ISSUES');
    const clean = await send(service, id, 'lint', { errorCount: 0 });
    // The fix re-runs the gates in a new attempt: the clean lint report counts, the reports of the
    // attempt before the fix do not, so the gates wait for them again.
    expect(clean.session.state).toBe('DETERMINE_OUTCOME');
    expect(clean.outcome.status === 'applied' && clean.outcome.machineEvents).toEqual([
      'fixesApplied',
      'checksComplete',
      'analysisComplete',
    ]);
    expect(clean.replies.map((r) => r.text).join('\n')).toMatch(
      /waiting for the reports of coverage, typecheck, build, security/,
    );
    await send(service, id, 'coverage', { lines: 93 });
    await send(service, id, 'typecheck', { errorCount: 0 });
    await send(service, id, 'build', { success: true });
    const again = await send(service, id, 'security-scan', { counts: {} });
    expect(again.session.state).toBe('PREPARE_CODE_REVIEW');

    const other = await inQualityGates();
    // The gates judge once every required report is in: the broken build comes last.
    await send(service, other, 'coverage', { lines: 93 });
    await send(service, other, 'typecheck', { errorCount: 0 });
    await send(service, other, 'security-scan', { counts: {} });
    await send(service, other, 'lint', { errorCount: 0 });
    const broken = await send(service, other, 'build', {
      success: false,
      errors: ['error TS2304: Cannot find name x'],
    });
    expect(broken.session.state).toBe('BLOCK_PROGRESS');
    expect(
      await count(
        pool,
        "select count(*) as n from notifications where session_id = $1 and kind = 'mentor-attention'",
        [other],
      ),
    ).toBe(1);
  });

  it('goes through MONITOR_REVIEW: changes requested, fixes verified, questions answered', async () => {
    const id = await inQualityGates();
    for (const [type, data] of [
      ['coverage', { lines: 99 }],
      ['lint', { errorCount: 0 }],
      ['typecheck', { errorCount: 0 }],
      ['build', { success: true }],
      ['security-scan', { counts: {} }],
    ] as const) {
      await send(service, id, type, data);
    }
    expect(
      (await send(service, id, 'review-feedback', { decision: 'submitted' })).session.state,
    ).toBe('MONITOR_REVIEW');
    const changes = await send(service, id, 'review-feedback', {
      decision: 'minor-changes',
      comments: [{ body: 'Please name this total, not t' }],
    });
    expect(changes.session.state).toBe('GUIDE_FIXES');
    expect(changes.replies.some((r) => r.action === 'coachReview' && r.source === 'agent')).toBe(
      true,
    );
    expect((await send(service, id, 'commit', { sha: 'b2' })).session.state).toBe('VERIFY_FIXES');
    const verified = await send(service, id, 'test-run', { failed: 0, passed: 6 });
    expect(verified.session.state).toBe('PREPARE_CODE_REVIEW');
    expect(
      (await send(service, id, 'review-feedback', { decision: 'submitted' })).session.state,
    ).toBe('MONITOR_REVIEW');
    expect(
      (
        await send(service, id, 'review-feedback', {
          decision: 'questions',
          comments: [{ body: 'Why a reduce?' }],
        })
      ).session.state,
    ).toBe('CLARIFY_FEEDBACK');
    expect(
      (await send(service, id, 'learner-message', { text: 'ok, I answered in the PR' })).session
        .state,
    ).toBe('MONITOR_REVIEW');
    expect(await states(id)).toEqual(
      expect.arrayContaining(['GUIDE_FIXES', 'VERIFY_FIXES', 'CLARIFY_FEEDBACK', 'MONITOR_REVIEW']),
    );
  });

  it('escalates to a human on frustration and pauses / resumes with the timers kept', async () => {
    const id = await implementing();
    const paused = await send(service, id, 'pause', { reason: 'lunch' });
    expect(paused.session.status).toBe('paused');
    expect(await service.listTimers(id)).toEqual([]);
    await expect(send(service, id, 'commit', { sha: 'x' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('while the session is paused'),
      details: { allowedEvents: ['resume', 'cancel'] },
    });
    const resumed = await send(service, id, 'resume');
    expect(resumed.session.status).toBe('active');
    expect((await service.listTimers(id)).map((t) => t.kind).sort()).toEqual([
      'noProgress',
      'step',
      'stuck',
    ]);

    const upset = await send(service, id, 'learner-message', {
      text: 'I give up, this is hopeless',
    });
    expect(upset.session.state).toBe('ESCALATE_TO_HUMAN');
    expect(
      await count(
        pool,
        "select count(*) as n from notifications where session_id = $1 and kind = 'escalation'",
        [id],
      ),
    ).toBe(1);
    const cancelled = await send(service, id, 'cancel', { reason: 'done for today' });
    expect(cancelled.session.status).toBe('cancelled');
    expect((await service.getSession(id)).allowedEvents).toEqual([]);
    // A finished session takes no more events, not even activity.
    await expect(send(service, id, 'commit', { sha: 'late' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowedEvents: [] },
    });
  });
});
