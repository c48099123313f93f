/**
 * Which story-machine event a learner's chat message stands for, per state: the keyword intent
 * (message-rules.ts) read in the state's terms. Defined once here and read both ways: the
 * interpreter maps an intent to an event, the guidance (answer/state-guidance.ts) tells the learner
 * which words move the state on.
 */
import type { StoryEvent } from '../../domain/machines/story-events.ts';
import type { StoryState } from '../../domain/machines/story-states.ts';
import type { MessageIntent } from './message-rules.ts';

/** States where the learner works on a task (START_IMPLEMENTATION's edges apply). */
export const workingStates: ReadonlySet<string> = new Set<StoryState>([
  'START_IMPLEMENTATION',
  'RESUME_IMPLEMENTATION',
  'GUIDE_COMPLETION',
  'MONITOR_PROGRESS',
]);

/** True when the state path is inside a working state. */
export const inWorkingState = (path: readonly string[]): boolean =>
  path.some((s) => workingStates.has(s));

/** States that wait for the learner to understand the story (before any plan). */
export const understandingStates: ReadonlySet<string> = new Set<StoryState>([
  'CLARIFY_REQUIREMENTS',
  'RE_EXPLAIN_STORY',
  'ESCALATE_DIFFICULTY',
]);

type IntentMap = Partial<Record<MessageIntent, StoryEvent>>;

/** Keyword intent → machine event, per state (where the state waits for the learner's answer). */
export const intentEvents: Partial<Record<StoryState, IntentMap>> = {};
const understanding = {
  confused: 'stillConfused',
  help: 'stillConfused',
  stillBroken: 'stillConfused',
  affirm: 'understandingConfirmed',
  done: 'understandingConfirmed',
} as const;
for (const s of [...understandingStates, 'EXPLAIN_CONCEPT'] as StoryState[])
  intentEvents[s] = understanding;
const stuck = { confused: 'stillStuck', help: 'stillStuck', stillBroken: 'stillStuck' } as const;
intentEvents.PROVIDE_HINT = { ...stuck, affirm: 'hintApplied', done: 'hintApplied' };
intentEvents.GIVE_ANSWER = { ...stuck, affirm: 'answerApplied', done: 'answerApplied' };
intentEvents.CORRECT_APPROACH = { affirm: 'approachCorrected', done: 'approachCorrected' };
intentEvents.FIX_ENVIRONMENT = {
  stillBroken: 'stillBroken',
  affirm: 'environmentFixed',
  done: 'environmentFixed',
};
for (const s of [
  'TEST_STRATEGY_ISSUE',
  'BUILD_FOUNDATION_PROBLEM',
  'APPROACH_FUNDAMENTAL_FLAW',
  'ANALYSIS_PARALYSIS',
  'CONCEPTUAL_GAP',
] as const) {
  intentEvents[s] = { affirm: 'redirectComplete', done: 'redirectComplete' };
}
for (const s of ['AUTO_FIX_ISSUES', 'REQUIRE_FIXES', 'BLOCK_PROGRESS'] as const)
  intentEvents[s] = { done: 'fixesApplied', affirm: 'fixesApplied' };
intentEvents.PREPARE_CODE_REVIEW = { prSubmitted: 'prSubmitted', done: 'prSubmitted' };
intentEvents.GUIDE_FIXES = { affirm: 'fixesStarted', done: 'fixesStarted' };
intentEvents.VERIFY_FIXES = { done: 'fixesVerified', stillBroken: 'fixesIncomplete' };
intentEvents.REWORK_REQUIRED = { affirm: 'reworkStarted', done: 'reworkStarted' };
intentEvents.CLARIFY_FEEDBACK = { affirm: 'feedbackClarified', done: 'feedbackClarified' };
intentEvents.ESCALATE_ISSUE = { done: 'issueResolved' };

/** In a working state, every one of them reads the same way. */
export const workingIntents: IntentMap = {
  help: 'helpRequested',
  stillBroken: 'helpRequested',
  confused: 'helpRequested',
  done: 'taskCompleted',
  partial: 'partialProgress',
};

/** The keyword intents and events of the state at `path`. */
export function intentsIn(path: readonly string[]): IntentMap {
  return inWorkingState(path)
    ? workingIntents
    : (intentEvents[path[path.length - 1] as StoryState] ?? {});
}

/** What a learner can write for each intent (the shortest words the keyword rules read that way). */
export const intentExamples: Readonly<Record<Exclude<MessageIntent, 'other'>, string>> = {
  affirm: '"ok, got it"',
  done: '"done"',
  confused: '"I\'m still confused about …"',
  help: '"I\'m stuck" or "hint please"',
  stillBroken: '"still broken"',
  partial: '"partly done"',
  prSubmitted: '"PR opened: <link>"',
};

/**
 * What each event a learner's message can send means, in the learner's terms. Keyed by event (not
 * by state): the guidance pairs it with the intent that sends it in the current state.
 */
export const learnerEventMeaning: Partial<Record<StoryEvent, string>> = {
  understandingConfirmed: 'the story is clear to you now',
  stillConfused: 'something is still unclear',
  helpRequested: 'you are stuck and want a hint',
  taskCompleted: 'the current step is done',
  partialProgress: 'the step is partly done',
  hintApplied: 'the hint got you going again',
  answerApplied: 'you can carry on with the answer',
  stillStuck: 'you are still stuck',
  approachCorrected: 'you will go on with the corrected approach',
  environmentFixed: 'your environment works again',
  stillBroken: 'it is still broken',
  redirectComplete: 'you are ready to carry on',
  fixesApplied: 'you fixed the issues',
  prSubmitted: 'you opened the pull request',
  fixesStarted: 'you started on the review comments',
  fixesVerified: 'the review fixes are done',
  fixesIncomplete: 'some review fixes still fail',
  reworkStarted: 'you started the rework',
  feedbackClarified: "you answered the reviewer's questions",
  issueResolved: 'the issue is resolved',
};

/**
 * States whose messages an agent reads as a whole (not by keywords): what the message should be.
 * The interpreter sends every message there to the agent, so this is only what the guidance says.
 */
export const messageReaders: Partial<Record<StoryState, string>> = {
  ASSESS_JUNIOR_CAPABILITY:
    'tell me in your own words what the story asks for and how you will know it is done',
  PLAN_DECOMPOSITION:
    'send your implementation plan, including the tests, as one message (one small step per line)',
  REFINE_PLAN: 'send your revised plan as one message (one step per line)',
  CORRECT_PLAN: 'send your revised plan as one message (one step per line)',
  VERIFY_FIX: 'tell me whether the fix works, or send a test run',
  REQUEST_CLARIFICATION: 'describe what you tried, what you expected and what happened instead',
};
