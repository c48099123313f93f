import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { cartStory, cartStorySteps } from './support/cart-story.ts';

/**
 * Reports arrive one at a time (each `mentorflow report` posts one): the quality gates wait until
 * every required report is in before judging, or until the wait for the missing ones ends.
 * No worker runs here: the wait's timer is fired by hand, with the token the session armed.
 */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
// 15 minutes × 0.0002 = 180 ms: the wait is due soon after it is armed.
const { createApp } = await import('../../src/app.ts');
const app = await createApp(loadConfig({ ...process.env, ...rulesMode, TIME_SCALE: '0.0002' }));
afterAll(() => app.close());
const { sessions } = app;

/** A new cart-story session, walked to the quality gates (DETERMINE_OUTCOME, no report in yet). */
async function atTheGates(): Promise<string> {
  const { session } = await sessions.createSession({
    learnerId: 'ana',
    story: { ...cartStory, complexity: 'simple' },
  });
  for (const step of cartStorySteps) {
    const input =
      step.kind === 'message'
        ? { type: 'learner-message', data: { text: step.text } }
        : { type: step.type, data: step.data };
    const result = await sessions.ingestEvent(session.id, input);
    expect(result.session.state).toBe(step.to);
    if (step.to === 'DETERMINE_OUTCOME') {
      expect(result.replies.map((r) => r.text).join('\n')).toMatch(
        /waiting for the reports of coverage, lint, typecheck, build, security.*mentorflow report/s,
      );
      return session.id;
    }
  }
  throw new Error('the cart story never reached the quality gates');
}

const post = (id: string, type: string, data: Record<string, unknown>) =>
  sessions.ingestEvent(id, { type, data });

describe('quality gates wait for the reports of the attempt', () => {
  it('a failing first report (coverage) decides nothing until the last report is in', async () => {
    const id = await atTheGates();
    const coverage = await post(id, 'coverage', { lines: 40 });
    expect(coverage.session.state).toBe('DETERMINE_OUTCOME');
    expect(coverage.outcome).toMatchObject({
      status: 'recorded',
      reason: 'quality gates waiting for: lint, typecheck, build, security',
    });
    for (const [type, data] of [
      ['lint', { errorCount: 0 }],
      ['typecheck', { errorCount: 0 }],
      ['build', { success: true }],
    ] as const)
      expect((await post(id, type, data)).session.state).toBe('DETERMINE_OUTCOME');
    const last = await post(id, 'security-scan', { counts: { low: 0 } });
    expect(last.session.state).toBe('REQUIRE_FIXES');
    expect(last.replies.map((r) => r.text).join('\n')).toMatch(/must pass before review: coverage/);
    // The fix: a passing coverage report re-runs the gates, in a new attempt.
    expect((await post(id, 'coverage', { lines: 93 })).session.state).toBe('DETERMINE_OUTCOME');
  });

  it('after REQUIRE_FIXES the previous attempt’s reports do not pass the gates: each is sent again', async () => {
    const id = await atTheGates();
    for (const [type, data] of [
      ['coverage', { lines: 40 }],
      ['lint', { errorCount: 0 }],
      ['typecheck', { errorCount: 0 }],
      ['build', { success: true }],
    ] as const)
      await post(id, type, data);
    const required = await post(id, 'security-scan', { counts: { low: 0 } });
    expect(required.session.state).toBe('REQUIRE_FIXES');
    expect(required.replies.map((r) => r.text).join('\n')).toMatch(
      /run every check again and send the new reports/,
    );
    // The coverage fix starts a new attempt: it waits for the four others of this attempt.
    const fixed = await post(id, 'coverage', { lines: 93 });
    expect(fixed.session.state).toBe('DETERMINE_OUTCOME');
    expect(fixed.replies.map((r) => r.text).join('\n')).toMatch(
      /waiting for the reports of lint, typecheck, build, security/,
    );
    for (const [type, data] of [
      ['lint', { errorCount: 0 }],
      ['typecheck', { errorCount: 0 }],
      ['build', { success: true }],
    ] as const)
      expect((await post(id, type, data)).session.state).toBe('DETERMINE_OUTCOME');
    const last = await post(id, 'security-scan', { counts: { low: 0 } });
    expect(last.session.state).toBe('PREPARE_CODE_REVIEW');
  });

  it('reports sent before the gates (while coding) do not count: the gates wait for new ones', async () => {
    const { session } = await sessions.createSession({
      learnerId: 'ana',
      story: { ...cartStory, complexity: 'simple' },
    });
    const id = session.id;
    const early = [
      ['coverage', { lines: 99 }],
      ['lint', { errorCount: 0 }],
      ['typecheck', { errorCount: 0 }],
      ['build', { success: true }],
      ['security-scan', { counts: {} }],
    ] as const;
    let entered: Awaited<ReturnType<typeof post>> | undefined;
    for (const step of cartStorySteps) {
      entered = await sessions.ingestEvent(
        id,
        step.kind === 'message'
          ? { type: 'learner-message', data: { text: step.text } }
          : { type: step.type, data: step.data },
      );
      if (step.to === 'DETERMINE_OUTCOME') break;
      // Every gate's report, passing, sent during the first task, before any code was written.
      if (step.to === 'START_IMPLEMENTATION')
        for (const [type, data] of early) await post(id, type, data);
    }
    expect(entered!.session.state).toBe('DETERMINE_OUTCOME');
    expect(entered!.replies.map((r) => r.text).join('\n')).toMatch(
      /waiting for the reports of coverage, lint, typecheck, build, security/,
    );
    // The reports of this attempt come in; the gates judge once the last one is in.
    for (const [type, data] of early.slice(0, -1))
      expect((await post(id, type, data)).session.state).toBe('DETERMINE_OUTCOME');
    expect((await post(id, 'security-scan', { counts: {} })).session.state).toBe(
      'PREPARE_CODE_REVIEW',
    );
  });

  it('when the wait ends, the missing reports fail their gates and the session asks for them', async () => {
    const id = await atTheGates();
    expect((await post(id, 'coverage', { lines: 95 })).session.state).toBe('DETERMINE_OUTCOME');
    const [wait] = (await sessions.listTimers(id)).filter((t) => t.kind === 'step');
    expect(wait).toMatchObject({ event: 'majorIssues' });
    await new Promise((resolve) => setTimeout(resolve, Date.parse(wait!.dueAt) - Date.now() + 50));
    const fired = await post(id, 'timeout', { kind: 'step', token: wait!.token });
    expect(fired.session.state).toBe('REQUIRE_FIXES');
    const text = fired.replies.map((r) => r.text).join('\n');
    expect(text).toMatch(/stopped waiting/);
    for (const gate of ['lint', 'typecheck', 'build', 'security'])
      expect(text).toMatch(new RegExp(`- ${gate}: no .* yet: the gates stopped waiting for it`));
    expect(text).not.toMatch(/- coverage/);
  });
});
