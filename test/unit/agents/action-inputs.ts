import type { MentorActionInput, MentorActionName } from '../../../agents/mentor-actions.ts';
import { loadStory } from '../../../tools/story-loader.ts';

/** One plausible input per action, shared by the agent tests. */
export const { story, referenceSolution } = loadStory('examples/stories/add-pagination.md');

const plan = {
  summary: 'Paginate GET /books',
  steps: [
    { title: 'Parse params', detail: 'page and pageSize with defaults', verification: 'unit test' },
  ],
  risks: [],
  successMetrics: ['tests pass'],
};

export const actionInputs: { [N in MentorActionName]: MentorActionInput<N> } = {
  diagnoseBlocker: {
    message: 'the tests fail',
    recentErrors: ['AssertionError: expected 20 to equal 10'],
  },
  explainConcept: { concept: 'pagination' },
  provideHint: { message: 'how do I compute the offset?', hintsGiven: 1 },
  assessUnderstanding: {
    restatement: 'Return the books one page at a time with page and pageSize.',
  },
  reviewPlan: { plan: '1. parse page and pageSize\n2. query with limit and offset\n3. tests' },
  verifyFix: { learnerReport: 'works now', checks: { testsPassed: 10, testsFailed: 0 } },
  coachReview: { comments: [{ body: 'nit: rename x' }] },
  coachProgress: {
    activity: [{ type: 'test', ok: true, summary: '10 passed' }],
    minutesSinceProgress: 1,
  },
  readActivity: { message: 'all 12 tests pass now', state: 'START_IMPLEMENTATION' },
  createPlan: { request: 'Paginate GET /books', requirements: story.acceptanceCriteria },
  refinePlan: {
    request: 'Paginate GET /books',
    plan,
    review: {
      score: 60,
      verdict: 'missingSteps',
      criteria: [],
      missingSteps: ['A step for invalid input'],
      concerns: [],
      reply: '',
    },
  },
  implementPlan: { request: 'Paginate GET /books', plan },
};
