/**
 * The story mentorship machine (seed 001). Every edge of the seed's mermaid diagram is kept
 * verbatim (first block below, in the seed's order); the edges after it complete the machine where
 * the seed stops (dead ends, states nothing enters, the timeout and escalation paths of the prose),
 * each with `addition` saying why. docs/machines.md lists them.
 */
import { FINAL, defineMachine } from '../../machine/index.ts';
import type { TransitionConfig } from '../../machine/index.ts';
import { storyActionList as a } from './story-actions.ts';
import { storyEvents } from './story-events.ts';
import type { StoryEvent } from './story-events.ts';
import { storyStates } from './story-states.ts';
import type { StoryState } from './story-states.ts';

type Edge = TransitionConfig<StoryState, StoryEvent, never>;

const seedEdges: Edge[] = [
  { from: 'INIT_STORY_PROCESSING', event: 'storyLoaded', to: 'ASSESS_JUNIOR_CAPABILITY' },
  { from: 'ASSESS_JUNIOR_CAPABILITY', event: 'correctUnderstanding', to: 'PLAN_DECOMPOSITION' },
  { from: 'ASSESS_JUNIOR_CAPABILITY', event: 'partialUnderstanding', to: 'CLARIFY_REQUIREMENTS' },
  { from: 'ASSESS_JUNIOR_CAPABILITY', event: 'misunderstanding', to: 'RE_EXPLAIN_STORY' },
  { from: 'ASSESS_JUNIOR_CAPABILITY', event: 'timeout', to: 'ESCALATE_DIFFICULTY' },
  { from: 'RE_EXPLAIN_STORY', event: 'understandingConfirmed', to: 'PLAN_DECOMPOSITION' },
  { from: 'RE_EXPLAIN_STORY', event: 'stillConfused', to: 'REDUCE_STORY_SCOPE' },
  { from: 'PLAN_DECOMPOSITION', event: 'goodPlan', to: 'APPROVE_PLAN' },
  { from: 'PLAN_DECOMPOSITION', event: 'missingSteps', to: 'REFINE_PLAN' },
  { from: 'PLAN_DECOMPOSITION', event: 'wrongApproach', to: 'CORRECT_PLAN' },
  { from: 'PLAN_DECOMPOSITION', event: 'timeout', to: 'PROVIDE_TEMPLATE_PLAN' },
  { from: 'PROVIDE_TEMPLATE_PLAN', event: 'templateProvided', to: 'START_IMPLEMENTATION' },
  { from: 'START_IMPLEMENTATION', event: 'taskCompleted', to: 'NEXT_IMPLEMENTATION_STEP' },
  { from: 'START_IMPLEMENTATION', event: 'partialProgress', to: 'GUIDE_COMPLETION' },
  { from: 'START_IMPLEMENTATION', event: 'wrongApproach', to: 'CORRECT_APPROACH' },
  { from: 'START_IMPLEMENTATION', event: 'helpRequested', to: 'PROVIDE_HINT' },
  { from: 'START_IMPLEMENTATION', event: 'timeout', to: 'DIAGNOSE_BLOCKER' },
  { from: 'DIAGNOSE_BLOCKER', event: 'technicalError', to: 'FIX_TECHNICAL_ISSUE' },
  { from: 'DIAGNOSE_BLOCKER', event: 'conceptualConfusion', to: 'EXPLAIN_CONCEPT' },
  { from: 'DIAGNOSE_BLOCKER', event: 'environmentIssue', to: 'FIX_ENVIRONMENT' },
  { from: 'DIAGNOSE_BLOCKER', event: 'analysisParalysis', to: 'BREAK_DOWN_TASK' },
  { from: 'DIAGNOSE_BLOCKER', event: 'unknownIssue', to: 'REQUEST_CLARIFICATION' },
  { from: 'DIAGNOSE_BLOCKER', event: 'solutionProvided', to: 'RESUME_IMPLEMENTATION' },
  { from: 'FIX_TECHNICAL_ISSUE', event: 'fixProvided', to: 'VERIFY_FIX' },
  { from: 'VERIFY_FIX', event: 'fixConfirmed', to: 'NEXT_IMPLEMENTATION_STEP' },
  { from: 'VERIFY_FIX', event: 'partialFix', to: 'REFINE_FIX' },
  { from: 'VERIFY_FIX', event: 'stillBroken', to: 'ALTERNATIVE_SOLUTION' },
  { from: 'VERIFY_FIX', event: 'noResponse', to: 'AUTO_VERIFY' },
  { from: 'AUTO_VERIFY', event: 'allChecksPass', to: 'NEXT_IMPLEMENTATION_STEP' },
  { from: 'AUTO_VERIFY', event: 'someIssuesRemain', to: 'PROVIDE_ADDITIONAL_FIXES' },
  { from: 'AUTO_VERIFY', event: 'stillFailing', to: 'ESCALATE_ISSUE' },
  { from: 'NEXT_IMPLEMENTATION_STEP', event: 'nextStepAssigned', to: 'MONITOR_PROGRESS' },
  { from: 'MONITOR_PROGRESS', event: 'steadyProgress', to: 'CONTINUE_MONITORING' },
  { from: 'MONITOR_PROGRESS', event: 'slowingProgress', to: 'ENCOURAGE_SPEED' },
  { from: 'MONITOR_PROGRESS', event: 'noProgress', to: 'INVESTIGATE_STALL' },
  { from: 'MONITOR_PROGRESS', event: 'circularActivity', to: 'DETECT_PATTERN' },
  { from: 'DETECT_PATTERN', event: 'sameTestFailing', to: 'TEST_STRATEGY_ISSUE' },
  { from: 'DETECT_PATTERN', event: 'sameBuildError', to: 'BUILD_FOUNDATION_PROBLEM' },
  { from: 'DETECT_PATTERN', event: 'sameCodeChanges', to: 'APPROACH_FUNDAMENTAL_FLAW' },
  { from: 'DETECT_PATTERN', event: 'researchLoop', to: 'ANALYSIS_PARALYSIS' },
  { from: 'DETECT_PATTERN', event: 'helpRequests', to: 'CONCEPTUAL_GAP' },
  { from: 'DETECT_PATTERN', event: 'patternIdentified', to: 'STRATEGIC_REDIRECT' },
  { from: 'STRATEGIC_REDIRECT', event: 'redirectComplete', to: 'MONITOR_PROGRESS' },
  { from: 'QUALITY_GATE_CHECK', event: 'allPass', to: 'PREPARE_CODE_REVIEW' },
  { from: 'QUALITY_GATE_CHECK', event: 'minorIssues', to: 'AUTO_FIX_ISSUES' },
  { from: 'QUALITY_GATE_CHECK', event: 'majorIssues', to: 'REQUIRE_FIXES' },
  { from: 'QUALITY_GATE_CHECK', event: 'criticalIssues', to: 'BLOCK_PROGRESS' },
  { from: 'AUTO_FIX_ISSUES', event: 'fixesApplied', to: 'QUALITY_GATE_CHECK' },
  { from: 'PREPARE_CODE_REVIEW', event: 'prSubmitted', to: 'MONITOR_REVIEW' },
  { from: 'MONITOR_REVIEW', event: 'approved', to: 'MERGE_AND_COMPLETE' },
  { from: 'MONITOR_REVIEW', event: 'minorChanges', to: 'GUIDE_FIXES' },
  { from: 'MONITOR_REVIEW', event: 'majorChanges', to: 'REWORK_REQUIRED' },
  { from: 'MONITOR_REVIEW', event: 'questions', to: 'CLARIFY_FEEDBACK' },
  { from: 'GUIDE_FIXES', event: 'fixesStarted', to: 'VERIFY_FIXES' },
  { from: 'MERGE_AND_COMPLETE', event: 'mergeComplete', to: 'STORY_COMPLETE' },
  { from: 'STORY_COMPLETE', event: 'newStoryAssigned', to: 'INIT_STORY_PROCESSING' },
  { from: 'STORY_COMPLETE', event: 'end', to: FINAL },
  // Substate blocks.
  { from: 'CONTINUE_MONITORING', event: 'slowingProgress', to: 'ENCOURAGE_SPEED' },
  { from: 'CONTINUE_MONITORING', event: 'noProgress', to: 'INVESTIGATE_STALL' },
  { from: 'CONTINUE_MONITORING', event: 'circularActivity', to: 'DETECT_PATTERN' },
  { from: 'RUN_CHECKS', event: 'checksComplete', to: 'ANALYZE_RESULTS' },
  { from: 'ANALYZE_RESULTS', event: 'analysisComplete', to: 'DETERMINE_OUTCOME' },
  { from: 'ANALYZE_STATE', event: 'stateAnalyzed', to: 'CATEGORIZE_ISSUE' },
  { from: 'CATEGORIZE_ISSUE', event: 'categorized', to: 'PROVIDE_SOLUTION' },
];

/** Edges every state where the learner works on a task needs (the seed gives them to START_IMPLEMENTATION only). */
function workingEdges(
  from: StoryState,
  options: { partialProgress: boolean; timeout: boolean },
): Edge[] {
  const why = `${from} is a working state like START_IMPLEMENTATION`;
  const edges: Edge[] = [
    {
      from,
      event: 'taskCompleted',
      to: 'NEXT_IMPLEMENTATION_STEP',
      addition: `${why}: a finished task moves on`,
    },
    {
      from,
      event: 'wrongApproach',
      to: 'CORRECT_APPROACH',
      addition: `${why}: a wrong approach is corrected`,
    },
    {
      from,
      event: 'helpRequested',
      to: 'PROVIDE_HINT',
      addition: `${why}: help is answered with a hint`,
    },
  ];
  if (options.partialProgress)
    edges.push({
      from,
      event: 'partialProgress',
      to: 'GUIDE_COMPLETION',
      addition: `${why}: partial progress is guided`,
    });
  if (options.timeout)
    edges.push({
      from,
      event: 'timeout',
      to: 'DIAGNOSE_BLOCKER',
      addition: 'Seed: simple task 15 min → DIAGNOSE_BLOCKER',
    });
  return edges;
}

/** The complexity timeouts of the seed's "Timeout Handling", for each state that arms the task timer. */
function taskTimeoutEdges(from: StoryState): Edge[] {
  return [
    {
      from,
      event: 'complexTimeout',
      to: 'PROVIDE_HINT',
      addition: 'Seed timeout policy: complex task 30 min → PROVIDE_HINT',
    },
    {
      from,
      event: 'researchTimeout',
      to: 'GIVE_ANSWER',
      addition: 'Seed timeout policy: research task 45 min → GIVE_ANSWER',
    },
  ];
}

const addedEdges: Edge[] = [
  // Understanding.
  {
    from: 'CLARIFY_REQUIREMENTS',
    event: 'understandingConfirmed',
    to: 'PLAN_DECOMPOSITION',
    addition:
      'CLARIFY_REQUIREMENTS has no way out: once clarified, plan (as after RE_EXPLAIN_STORY)',
  },
  {
    from: 'CLARIFY_REQUIREMENTS',
    event: 'stillConfused',
    to: 'RE_EXPLAIN_STORY',
    addition: 'Clarification did not help: explain the whole story again',
  },
  {
    from: 'ESCALATE_DIFFICULTY',
    event: 'understandingConfirmed',
    to: 'PLAN_DECOMPOSITION',
    addition: 'ESCALATE_DIFFICULTY has no way out: the learner answers the simpler framing',
  },
  {
    from: 'ESCALATE_DIFFICULTY',
    event: 'stillConfused',
    to: 'REDUCE_STORY_SCOPE',
    addition: 'Still too hard after the simpler framing: reduce the scope',
  },
  {
    from: 'REDUCE_STORY_SCOPE',
    event: 'scopeReduced',
    to: 'PLAN_DECOMPOSITION',
    addition: 'REDUCE_STORY_SCOPE has no way out: plan the reduced story',
  },
  // Planning.
  {
    from: 'APPROVE_PLAN',
    event: 'planApproved',
    to: 'START_IMPLEMENTATION',
    addition: 'APPROVE_PLAN has no way out; seed success path "Good plan → Implementation start"',
  },
  {
    from: 'REFINE_PLAN',
    event: 'planRevised',
    to: 'PLAN_DECOMPOSITION',
    addition: 'REFINE_PLAN has no way out: review the revised plan',
  },
  {
    from: 'CORRECT_PLAN',
    event: 'planRevised',
    to: 'PLAN_DECOMPOSITION',
    addition: 'CORRECT_PLAN has no way out: review the revised plan',
  },
  // Implementation.
  ...taskTimeoutEdges('START_IMPLEMENTATION'),
  ...workingEdges('RESUME_IMPLEMENTATION', { partialProgress: true, timeout: true }),
  ...taskTimeoutEdges('RESUME_IMPLEMENTATION'),
  ...workingEdges('GUIDE_COMPLETION', { partialProgress: false, timeout: true }),
  ...taskTimeoutEdges('GUIDE_COMPLETION'),
  ...workingEdges('MONITOR_PROGRESS', { partialProgress: false, timeout: true }),
  ...taskTimeoutEdges('MONITOR_PROGRESS'),
  {
    from: 'NEXT_IMPLEMENTATION_STEP',
    event: 'allStepsComplete',
    to: 'QUALITY_GATE_CHECK',
    addition: 'Nothing enters QUALITY_GATE_CHECK: run the gates when no step is left',
  },
  {
    from: 'CORRECT_APPROACH',
    event: 'approachCorrected',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'CORRECT_APPROACH has no way out: continue with the corrected approach',
  },
  {
    from: 'PROVIDE_HINT',
    event: 'hintApplied',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'PROVIDE_HINT has no way out: continue after the hint',
  },
  {
    from: 'PROVIDE_HINT',
    event: 'stillStuck',
    to: 'GIVE_ANSWER',
    addition: 'Hint did not help: give the answer (hint → answer → human ladder)',
  },
  {
    from: 'GIVE_ANSWER',
    event: 'answerApplied',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'GIVE_ANSWER (prose) has no edges: continue after the answer',
  },
  {
    from: 'GIVE_ANSWER',
    event: 'stillStuck',
    to: 'ESCALATE_TO_HUMAN',
    addition: 'Still stuck after the answer: a human takes over',
  },
  // Blockers.
  {
    from: 'EXPLAIN_CONCEPT',
    event: 'understandingConfirmed',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'EXPLAIN_CONCEPT has no way out: continue once understood',
  },
  {
    from: 'EXPLAIN_CONCEPT',
    event: 'stillConfused',
    to: 'GIVE_ANSWER',
    addition: 'Explanation did not help: give the concrete answer',
  },
  {
    from: 'FIX_ENVIRONMENT',
    event: 'environmentFixed',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'FIX_ENVIRONMENT has no way out: continue once it works',
  },
  {
    from: 'FIX_ENVIRONMENT',
    event: 'stillBroken',
    to: 'ESCALATE_ISSUE',
    addition: 'Environment still broken: escalate the issue to the mentor',
  },
  {
    from: 'BREAK_DOWN_TASK',
    event: 'taskBrokenDown',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'BREAK_DOWN_TASK has no way out: work on the first sub-step',
  },
  {
    from: 'REQUEST_CLARIFICATION',
    event: 'clarificationReceived',
    to: 'DIAGNOSE_BLOCKER',
    addition: 'REQUEST_CLARIFICATION has no way out: diagnose again with the new information',
  },
  {
    from: 'REFINE_FIX',
    event: 'fixProvided',
    to: 'VERIFY_FIX',
    addition: 'REFINE_FIX has no way out: verify the refined fix',
  },
  {
    from: 'ALTERNATIVE_SOLUTION',
    event: 'fixProvided',
    to: 'VERIFY_FIX',
    addition: 'ALTERNATIVE_SOLUTION has no way out: verify the new solution',
  },
  {
    from: 'PROVIDE_ADDITIONAL_FIXES',
    event: 'fixProvided',
    to: 'VERIFY_FIX',
    addition: 'PROVIDE_ADDITIONAL_FIXES has no way out: verify the additional fixes',
  },
  {
    from: 'ESCALATE_ISSUE',
    event: 'issueResolved',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'ESCALATE_ISSUE has no way out: continue once the mentor resolved it',
  },
  // Pattern interventions return to monitoring, like STRATEGIC_REDIRECT.
  ...(
    [
      'TEST_STRATEGY_ISSUE',
      'BUILD_FOUNDATION_PROBLEM',
      'APPROACH_FUNDAMENTAL_FLAW',
      'ANALYSIS_PARALYSIS',
      'CONCEPTUAL_GAP',
    ] as const
  ).map(
    (from): Edge => ({
      from,
      event: 'redirectComplete',
      to: 'MONITOR_PROGRESS',
      addition: `${from} has no way out: back to monitoring after the intervention (as STRATEGIC_REDIRECT)`,
    }),
  ),
  // Quality gates and review.
  {
    from: 'REQUIRE_FIXES',
    event: 'fixesApplied',
    to: 'QUALITY_GATE_CHECK',
    addition: 'REQUIRE_FIXES has no way out: re-run the gates after the fixes',
  },
  {
    from: 'BLOCK_PROGRESS',
    event: 'fixesApplied',
    to: 'QUALITY_GATE_CHECK',
    addition: 'BLOCK_PROGRESS has no way out: re-run the gates once the critical issue is fixed',
  },
  {
    from: 'VERIFY_FIXES',
    event: 'fixesVerified',
    to: 'QUALITY_GATE_CHECK',
    addition: 'GUIDE_FIXES → VERIFY_FIXES stops there: re-run the gates, then the PR is updated',
  },
  {
    from: 'VERIFY_FIXES',
    event: 'fixesIncomplete',
    to: 'GUIDE_FIXES',
    addition: 'Review fixes incomplete: keep guiding',
  },
  {
    from: 'REWORK_REQUIRED',
    event: 'reworkStarted',
    to: 'RESUME_IMPLEMENTATION',
    addition: 'REWORK_REQUIRED has no way out: back to implementation',
  },
  {
    from: 'CLARIFY_FEEDBACK',
    event: 'feedbackClarified',
    to: 'MONITOR_REVIEW',
    addition: 'CLARIFY_FEEDBACK has no way out: back to the review',
  },
  // Escalation and timeout endings.
  {
    from: 'ESCALATE_TO_HUMAN',
    event: 'humanResolved',
    to: 'RESUME_IMPLEMENTATION',
    actions: a('armProgressTimers'),
    addition:
      'ESCALATE_TO_HUMAN (prose) has no edges: the learner continues after the human helped',
  },
  {
    from: 'ESCALATE_TO_HUMAN',
    event: 'end',
    to: FINAL,
    addition: 'The human mentor may close the story',
  },
  {
    from: 'STORY_TIMEOUT',
    event: 'resumeStory',
    to: 'RESUME_IMPLEMENTATION',
    actions: a('armProgressTimers'),
    addition: 'STORY_TIMEOUT (prose) has no edges: a timed-out story can be resumed',
  },
  {
    from: 'STORY_TIMEOUT',
    event: 'newStoryAssigned',
    to: 'INIT_STORY_PROCESSING',
    addition: 'After a timeout the learner can get another story (as after STORY_COMPLETE)',
  },
  {
    from: 'STORY_TIMEOUT',
    event: 'end',
    to: FINAL,
    addition: 'A timed-out story can be closed (as STORY_COMPLETE)',
  },
];

/** The story mentorship machine. */
export const storyMachine = defineMachine({
  id: 'story',
  description:
    'Guides a junior developer through one user story: understanding, plan, implementation, blockers, quality gates, review (seed 001).',
  initial: 'INIT_STORY_PROCESSING',
  states: storyStates,
  events: storyEvents,
  transitions: [...seedEdges, ...addedEdges],
  anyState: [
    {
      event: 'stuckTimeout',
      to: 'ESCALATE_TO_HUMAN',
      except: ['ESCALATE_TO_HUMAN', 'STORY_TIMEOUT', 'STORY_COMPLETE'],
      addition: 'Seed timeout policy: stuck > 1 h → ESCALATE_TO_HUMAN, from any working state',
    },
    {
      event: 'noProgressTimeout',
      to: 'STORY_TIMEOUT',
      except: ['ESCALATE_TO_HUMAN', 'STORY_TIMEOUT', 'STORY_COMPLETE'],
      addition: 'Seed timeout policy: no progress > 2 h → STORY_TIMEOUT, from any working state',
    },
    {
      event: 'escalate',
      to: 'ESCALATE_TO_HUMAN',
      except: ['ESCALATE_TO_HUMAN', 'STORY_COMPLETE'],
      addition:
        'Seed escalation triggers (3+ timeouts, same error 5+, frustration, undiagnosable) apply anywhere',
    },
    {
      event: 'cancel',
      to: FINAL,
      actions: a('clearTimers'),
      addition: 'Operator command (ARCHITECTURE §4): cancel the story session from any state',
    },
  ],
  guards: {},
});

export type StoryMachine = typeof storyMachine;
