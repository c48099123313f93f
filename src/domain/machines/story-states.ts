/**
 * The story machine's states: every state of the seed 001 diagram (the three substate blocks as
 * composite states), plus the three the seed's prose names (GIVE_ANSWER, ESCALATE_TO_HUMAN,
 * STORY_TIMEOUT). `entry` names what the session layer runs on entering the state.
 */
import type { StateConfig } from '../../machine/index.ts';
import { storyActionList as a } from './story-actions.ts';

/** States whose step timer is running: leaving them cancels it. */
const timed = { exit: a('clearTimeout') };

export const storyStates = {
  INIT_STORY_PROCESSING: {
    description: 'Load and analyse the assigned story.',
    entry: a('armProgressTimers', 'loadStory'),
  },
  ASSESS_JUNIOR_CAPABILITY: {
    description: "Evaluate the learner's understanding of the requirements.",
    entry: a('assessUnderstanding', 'armTimeout'),
    ...timed,
  },
  CLARIFY_REQUIREMENTS: {
    description: 'Fill the gaps of a partial understanding.',
    entry: a('clarifyRequirements'),
  },
  RE_EXPLAIN_STORY: {
    description: 'Simpler explanation after a misunderstanding.',
    entry: a('reExplainStory'),
  },
  ESCALATE_DIFFICULTY: {
    description: 'No answer to the capability check in time: treat the story as too hard for now.',
    entry: a('escalateDifficulty', 'notifyMentor'),
  },
  REDUCE_STORY_SCOPE: {
    description: 'Cut the story to a smaller first slice.',
    entry: a('reduceStoryScope'),
  },

  PLAN_DECOMPOSITION: {
    description: 'Request and review the implementation plan.',
    entry: a('requestPlan', 'armTimeout'),
    ...timed,
  },
  APPROVE_PLAN: { description: 'Record the approved plan.', entry: a('approvePlan') },
  REFINE_PLAN: { description: 'Ask for the missing plan steps.', entry: a('refinePlan') },
  CORRECT_PLAN: { description: 'Correct a wrong planned approach.', entry: a('correctPlan') },
  PROVIDE_TEMPLATE_PLAN: {
    description: 'Give a structured template plan.',
    entry: a('provideTemplatePlan'),
  },

  START_IMPLEMENTATION: {
    description: 'Begin with the first specific task.',
    entry: a('assignTask', 'armTaskTimeout'),
    ...timed,
  },
  NEXT_IMPLEMENTATION_STEP: {
    description: 'Determine the next logical step.',
    entry: a('assignNextStep'),
  },
  RESUME_IMPLEMENTATION: {
    description: 'The learner carries on with the current task.',
    entry: a('resumeImplementation', 'armTaskTimeout'),
    ...timed,
  },
  GUIDE_COMPLETION: {
    description: 'Guide a partially completed task to completion.',
    entry: a('guideCompletion', 'armTaskTimeout'),
    ...timed,
  },
  CORRECT_APPROACH: {
    description: 'Correct a wrong implementation approach.',
    entry: a('correctApproach'),
  },
  PROVIDE_HINT: { description: 'Give a hint for the current task.', entry: a('provideHint') },
  GIVE_ANSWER: {
    description:
      'Give the answer for the current step (research timeout, or still stuck after a hint).',
    entry: a('giveAnswer'),
  },

  DIAGNOSE_BLOCKER: {
    description: 'Analyse why the learner is stuck.',
    initial: 'ANALYZE_STATE',
    entry: a('diagnoseBlocker'),
  },
  ANALYZE_STATE: {
    description: "Collect the learner's recent state.",
    parent: 'DIAGNOSE_BLOCKER',
    entry: a('analyzeState'),
  },
  CATEGORIZE_ISSUE: {
    description: 'Categorise the blocker.',
    parent: 'DIAGNOSE_BLOCKER',
    entry: a('categorizeIssue'),
  },
  PROVIDE_SOLUTION: {
    description: 'Propose a solution for the blocker.',
    parent: 'DIAGNOSE_BLOCKER',
    entry: a('provideSolution'),
  },
  FIX_TECHNICAL_ISSUE: {
    description: 'Provide a specific technical fix.',
    entry: a('fixTechnicalIssue'),
  },
  EXPLAIN_CONCEPT: { description: 'Explain a missing concept.', entry: a('explainConcept') },
  FIX_ENVIRONMENT: { description: 'Fix the development environment.', entry: a('fixEnvironment') },
  BREAK_DOWN_TASK: { description: 'Split the task into sub-steps.', entry: a('breakDownTask') },
  REQUEST_CLARIFICATION: {
    description: 'Ask the learner to describe the problem.',
    entry: a('requestClarification'),
  },

  VERIFY_FIX: {
    description: 'Confirm the fix works.',
    entry: a('verifyFix', 'armResponseTimeout'),
    ...timed,
  },
  REFINE_FIX: { description: 'Adjust a partial fix.', entry: a('refineFix') },
  ALTERNATIVE_SOLUTION: {
    description: 'Propose another solution.',
    entry: a('proposeAlternative'),
  },
  AUTO_VERIFY: {
    description: 'Verify automatically when the learner does not answer.',
    entry: a('autoVerify'),
  },
  PROVIDE_ADDITIONAL_FIXES: {
    description: 'Fix the issues automatic verification still found.',
    entry: a('provideAdditionalFixes'),
  },
  ESCALATE_ISSUE: {
    description: 'A technical issue the system cannot fix: flag it to the mentor.',
    entry: a('escalateIssue', 'notifyMentor'),
  },

  MONITOR_PROGRESS: {
    description: 'Monitor activity and progress patterns.',
    initial: 'CONTINUE_MONITORING',
    entry: a('monitorProgress', 'armTaskTimeout'),
    ...timed,
  },
  CONTINUE_MONITORING: {
    description: 'Steady progress: keep watching.',
    parent: 'MONITOR_PROGRESS',
  },
  ENCOURAGE_SPEED: {
    description: 'Progress is slowing: encourage.',
    parent: 'MONITOR_PROGRESS',
    entry: a('encourageSpeed'),
  },
  INVESTIGATE_STALL: {
    description: 'No progress: find out why.',
    parent: 'MONITOR_PROGRESS',
    entry: a('investigateStall'),
  },
  DETECT_PATTERN: {
    description: 'Identify circular patterns.',
    parent: 'MONITOR_PROGRESS',
    entry: a('detectPattern'),
  },
  TEST_STRATEGY_ISSUE: {
    description: 'The same test keeps failing.',
    entry: a('coachTestStrategy'),
  },
  BUILD_FOUNDATION_PROBLEM: {
    description: 'The same build error keeps coming back.',
    entry: a('fixBuildFoundation'),
  },
  APPROACH_FUNDAMENTAL_FLAW: {
    description: 'The same code changes are made again and again.',
    entry: a('rethinkApproach'),
  },
  ANALYSIS_PARALYSIS: {
    description: 'Research loop without coding.',
    entry: a('breakAnalysisParalysis'),
  },
  CONCEPTUAL_GAP: {
    description: 'Repeated help requests reveal a missing concept.',
    entry: a('explainConcept'),
  },
  STRATEGIC_REDIRECT: { description: 'Change the approach.', entry: a('strategicRedirect') },

  QUALITY_GATE_CHECK: { description: 'Run the quality gates.', initial: 'RUN_CHECKS' },
  RUN_CHECKS: {
    description: 'Run tests, coverage, lint, types, build, security scan.',
    parent: 'QUALITY_GATE_CHECK',
    entry: a('runQualityGates'),
  },
  ANALYZE_RESULTS: {
    description: 'Compare the results with the gates.',
    parent: 'QUALITY_GATE_CHECK',
    entry: a('analyzeQualityResults'),
  },
  DETERMINE_OUTCOME: {
    description: 'Decide the outcome.',
    parent: 'QUALITY_GATE_CHECK',
    entry: a('determineQualityOutcome'),
  },
  AUTO_FIX_ISSUES: { description: 'Fix minor issues automatically.', entry: a('autoFixIssues') },
  REQUIRE_FIXES: { description: 'The learner must fix major issues.', entry: a('requireFixes') },
  BLOCK_PROGRESS: {
    description: 'Critical issues block progress.',
    entry: a('blockProgress', 'notifyMentor'),
  },

  PREPARE_CODE_REVIEW: {
    description: 'Create and submit the pull request.',
    entry: a('prepareCodeReview'),
  },
  MONITOR_REVIEW: { description: 'Track review progress and feedback.', entry: a('monitorReview') },
  GUIDE_FIXES: { description: 'Help implement the review feedback.', entry: a('coachReview') },
  VERIFY_FIXES: { description: 'Verify the review fixes.', entry: a('verifyReviewFixes') },
  REWORK_REQUIRED: { description: 'Major review changes: rework.', entry: a('planRework') },
  CLARIFY_FEEDBACK: {
    description: "Answer the reviewer's questions.",
    entry: a('clarifyFeedback'),
  },
  MERGE_AND_COMPLETE: { description: 'Final merge.', entry: a('mergeAndComplete') },
  STORY_COMPLETE: { description: 'The story is done.', entry: a('clearTimers', 'completeStory') },

  ESCALATE_TO_HUMAN: {
    description: 'A human mentor takes over (stuck > 1 h or an escalation trigger).',
    entry: a('clearTimers', 'escalateToHuman', 'notifyMentor'),
  },
  STORY_TIMEOUT: {
    description: 'No progress for more than 2 h.',
    entry: a('clearTimers', 'timeOutStory', 'notifyMentor'),
  },
} as const satisfies Record<string, StateConfig>;

export type StoryState = keyof typeof storyStates;
