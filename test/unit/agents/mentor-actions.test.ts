import { describe, expect, it } from 'vitest';
import {
  mergeProfiles,
  recordHelpRequest,
  runAgentAction,
} from '../../../agents/mentor-actions.ts';
import { refusalText } from '../../../agents/leak-guard.ts';
import { diagnoseBlockerWorkflow } from '../../../workflows/diagnose-blocker-workflow.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { referenceSolution, story } from './action-inputs.ts';

describe('runAgentAction', () => {
  it('runs in rules mode with no key, returning the machine event, usage and profile', async () => {
    const result = await runAgentAction(
      'diagnoseBlocker',
      { message: 'npm test: Error: connect ECONNREFUSED 127.0.0.1:5432' },
      { story, learner: { level: 'beginner', helpRequests: 2 }, modelOptions: { env: {} } },
    );
    expect(result).toMatchObject({
      action: 'diagnoseBlocker',
      agentId: 'blocker-diagnosis',
      event: 'environmentIssue',
      model: 'rules/blocker-diagnosis',
      mode: 'rules',
    });
    expect(result.usage).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: expect.any(Number),
    });
    expect(result.learner).toMatchObject({
      level: 'beginner',
      helpRequests: 3,
      recentHelpTopics: ['environmentIssue'],
    });
    expect(result.reply).toContain('(rules mode)');
  });

  it('adapts hint depth and wording to the learner level', async () => {
    const beginner = await runAgentAction(
      'provideHint',
      { message: 'how should the pagination work?' },
      { story, learner: { level: 'beginner' } },
    );
    const advanced = await runAgentAction(
      'provideHint',
      { message: 'how should the pagination work?' },
      { story, learner: { level: 'advanced' } },
    );
    expect(beginner.output.depth).toBe(2);
    expect(advanced.output.depth).toBe(1);
    expect(beginner.reply!.length).toBeGreaterThan(advanced.reply!.length);
  });

  it('passes a model reply that leaks the reference solution through the leak guard', async () => {
    const leaked = /```ts\n[\s\S]*?```/.exec(referenceSolution!)![0];
    const model = scriptedModel([
      {
        depth: 3,
        concept: 'pagination',
        hint: 'Use this',
        question: 'ok?',
        reply: `Just paste this:\n${leaked}`,
      },
    ]);
    const result = await runAgentAction(
      'provideHint',
      { message: 'give me the code' },
      { story, referenceSolution, model },
    );
    expect(result.reply).toBe(refusalText);
    expect(result.guard.action).toBe('refused');
    expect(result.guard.reasons[0]).toMatch(/reference solution/);
  });

  it('does not guard non-learner-facing actions', async () => {
    const result = await runAgentAction(
      'createPlan',
      { request: 'Paginate', requirements: ['a', 'b'] },
      { story },
    );
    expect(result.reply).toBeUndefined();
    expect(result.event).toBeUndefined();
    expect(result.output.steps.length).toBeGreaterThanOrEqual(4);
    expect(result.learner.helpRequests).toBe(0);
  });

  it('rejects invalid input with a VALIDATION_ERROR naming the field', async () => {
    await expect(runAgentAction('reviewPlan', { plan: '' }, { story })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'input.plan',
    });
    await expect(
      runAgentAction('assessUnderstanding', { restatement: 'x' }, {}),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'input.story' });
  });
});

describe('learner profile', () => {
  it('merges stored and given profiles: the session level wins, lists are unioned, counts keep the larger', () => {
    const merged = mergeProfiles(
      {
        level: 'beginner',
        knownConcepts: ['a'],
        recurringMistakes: ['x'],
        helpRequests: 5,
        recentHelpTopics: ['t'],
      },
      { level: 'intermediate', knownConcepts: ['b'], helpRequests: 2 },
      'learner-1',
    );
    expect(merged).toEqual({
      learnerId: 'learner-1',
      level: 'intermediate',
      knownConcepts: ['a', 'b'],
      recurringMistakes: ['x'],
      helpRequests: 5,
      recentHelpTopics: ['t'],
    });
  });

  it('turns a topic seen three times into a recurring mistake', () => {
    let profile = mergeProfiles(undefined, undefined, undefined);
    for (let i = 0; i < 3; i++) profile = recordHelpRequest(profile, 'technicalError');
    expect(profile).toMatchObject({ helpRequests: 3, recurringMistakes: ['technicalError'] });
    expect(recordHelpRequest(profile, 'unknownIssue').recurringMistakes).toEqual([
      'technicalError',
    ]);
  });
});

describe('diagnose-blocker workflow', () => {
  it('runs ANALYZE_STATE → CATEGORIZE_ISSUE → PROVIDE_SOLUTION and returns the machine event', async () => {
    const run = await diagnoseBlockerWorkflow.createRun();
    const result = await run.start({
      inputData: {
        blocker: {
          message: "I don't understand how async/await works, my function returns a Promise",
          recentErrors: [],
          activity: [{ type: 'docs', summary: 'MDN promises' }],
          codeContext: '',
        },
        context: { story, learner: { level: 'beginner' } },
      },
    });
    expect(result.status).toBe('success');
    if (result.status !== 'success') return;
    expect(result.result.event).toBe('conceptualConfusion');
    expect(result.result.signals).toMatchObject({ researchActivities: 1, hasMessage: true });
    expect(result.result.models).toEqual(['rules/blocker-diagnosis', 'rules/concept-explainer']);
    expect(result.result.reply).toContain('Promises and async/await');
  });

  it('gives a hint after a technical diagnosis', async () => {
    const run = await diagnoseBlockerWorkflow.createRun();
    const result = await run.start({
      inputData: {
        blocker: {
          message: 'crash',
          recentErrors: ["TypeError: Cannot read properties of undefined (reading 'map')"],
          activity: [],
          codeContext: '',
        },
        context: { story },
      },
    });
    expect(result.status === 'success' && result.result.event).toBe('technicalError');
    expect(result.status === 'success' && result.result.models).toEqual([
      'rules/blocker-diagnosis',
      'rules/hint-giver',
    ]);
  });
});
