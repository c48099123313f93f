import { Mastra } from '@mastra/core/mastra';
import type { WorkflowStreamEvent } from '@mastra/core/workflows';
import { afterAll, describe, expect, it } from 'vitest';
import { createMentorTurnWorkflow } from '../../../src/mastra/mentor-turn-workflow.ts';
import { type TurnRunResult, workflowTurns } from '../../../src/sessions/workflow-runner.ts';
import { testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement, scriptedPort } from './fixtures/story.ts';

const runs: TurnRunResult[] = [];
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
const { pool, service } = testService({ agents: port, turns: 'direct' });
const mastra = new Mastra({
  workflows: { mentorTurnWorkflow: createMentorTurnWorkflow({ stepEvents: true }) },
  logger: false,
});
const events: WorkflowStreamEvent[] = [];
service.processor.useExecutor(
  workflowTurns(mastra, { onRun: (r) => runs.push(r), onEvent: (e) => events.push(e) }),
);
afterAll(() => pool.end());

/** The ids of the top-level steps a run executed. */
function stepIds(result: TurnRunResult): string[] {
  return Object.keys(result.steps);
}

/** The steps the watched runs finished, nested ones as `outer.inner`, in order. */
function finished(): string[] {
  return events
    .filter((e) => e.type === 'workflow-step-finish')
    .map((e) => (e as { payload: { id: string } }).payload.id);
}

describe('mentor-turn as a Mastra workflow', () => {
  it('runs a turn as steps: load, interpret, the event loop with its state group, answer, commit', async () => {
    const { session } = await service.createSession({ learnerId: 'ana', story: cartStory });
    const first = runs.at(-1)!;
    expect(first.status).toBe('success');
    expect(stepIds(first)).toEqual(
      expect.arrayContaining([
        'load-session-event',
        'interpret',
        'mentor-turn-events',
        'answer',
        'commit',
      ]),
    );
    runs.length = 0;
    events.length = 0;
    const r = await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: restatement },
    });
    expect(r.session.state).toBe('PLAN_DECOMPOSITION');
    const run = runs.at(-1)!;
    expect(run.status).toBe('success');
    if (run.status !== 'success') return;
    expect(run.result).toMatchObject({ status: 'applied', state: 'PLAN_DECOMPOSITION' });
    // ASSESS_JUNIOR_CAPABILITY --correctUnderstanding--> PLAN_DECOMPOSITION: the planning group.
    // One loop iteration per machine event: the loop reads the next one ahead, so it never goes
    // round once more to find nothing.
    const loop = 'mentor-turn-events.mentor-turn-event';
    expect(finished()).toEqual([
      'load-session-event',
      'interpret',
      `${loop}.transition`,
      `${loop}.mentor-planning.planning-actions`,
      `${loop}.mentor-planning`,
      loop,
      'mentor-turn-events',
      'answer',
      'commit',
    ]);
  });

  it('skips the event loop when the event moves nothing', async () => {
    const { session } = await service.createSession({ learnerId: 'ana', story: cartStory });
    await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
    runs.length = 0;
    events.length = 0;
    const r = await service.ingestEvent(session.id, {
      type: 'research',
      data: { query: 'array reduce' },
    });
    expect(r.outcome.status).toBe('recorded');
    expect(finished()).toEqual(['load-session-event', 'interpret', 'answer', 'commit']);
  });

  it('runs the diagnose-blocker workflow nested when a learner is stuck, its agent call recorded with the turn', async () => {
    const { session } = await service.createSession({ learnerId: 'ana', story: cartStory });
    await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
    await service.ingestEvent(session.id, { type: 'learner-message', data: { text: goodPlan } });
    await service.ingestEvent(session.id, {
      type: 'build',
      data: {
        success: false,
        errors: ["TypeError: Cannot read properties of undefined (reading 'price')"],
      },
    });
    runs.length = 0;
    calls.length = 0;
    events.length = 0;
    const stuck = await service.ingestEvent(session.id, { type: 'timeout', data: {} });
    expect(stuck.session.state).toBe('VERIFY_FIX');
    const run = runs.at(-1)!;
    expect(run.status).toBe('success');
    const steps = finished();
    const loop = 'mentor-turn-events.mentor-turn-event';
    const diagnosis = `${loop}.mentor-blocker.mentor-blocker-diagnosis`;
    expect(steps).toEqual(
      expect.arrayContaining([
        `${diagnosis}.blocker-diagnosis-input`,
        `${diagnosis}.diagnose-blocker.analyze-state`,
        `${diagnosis}.diagnose-blocker.categorize-issue`,
        `${diagnosis}.diagnose-blocker.provide-solution`,
        `${diagnosis}.blocker-apply-diagnosis`,
        // ANALYZE_STATE → CATEGORIZE_ISSUE → FIX_TECHNICAL_ISSUE → VERIFY_FIX, each a loop iteration.
        `${loop}.mentor-blocker.blocker-actions`,
      ]),
    );
    expect(steps.filter((s) => s === `${loop}.transition`)).toHaveLength(4);
    // The nested workflow's agent call went through the session's agent port, once.
    expect(calls.filter((c) => c.name === 'diagnoseBlocker')).toHaveLength(1);
    expect(stuck.replies.map((r) => r.text)).toContain('Found it: the price is a string.');
  });

  it('delivers a human mentor’s message to a paused session without resuming it', async () => {
    const { session } = await service.createSession({ learnerId: 'ana', story: cartStory });
    await service.ingestEvent(session.id, { type: 'pause', data: {} });
    const r = await service.ingestEvent(session.id, {
      type: 'mentor-message',
      data: { text: 'Take the time you need; I am here when you are back.', by: 'mo' },
    });
    expect(r.session.status).toBe('paused');
    expect(r.replies).toEqual([
      expect.objectContaining({
        source: 'mentor',
        author: 'mo',
        text: expect.stringMatching(/^Take/),
      }),
    ]);
  });
});
