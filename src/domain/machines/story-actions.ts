/**
 * The action names the story machine returns (entry, exit and edge actions) and what the session
 * layer must do for each. The machine only names them; `src/sessions` runs them. Every action is
 * keyed by the event id that caused it, so running one twice (a retried turn) must be harmless.
 * docs/machines.md renders this table.
 */
export const storyActions = {
  // Timers (Graphile Worker jobs keyed session:<id>:<kind>, replace mode; durations from storyPolicies).
  armProgressTimers:
    'Arm the session-wide stuck (1 h → stuckTimeout) and no-progress (2 h → noProgressTimeout) timers; learner activity re-arms them.',
  clearTimers: 'Cancel every timer of the session (step, response, stuck, no-progress).',
  armTimeout: "Arm the step timer with the 'simple' policy (15 min) that sends `timeout`.",
  armTaskTimeout:
    "Arm the step timer by the current task's complexity: simple 15 min → `timeout`, complex 30 min → `complexTimeout`, research 45 min → `researchTimeout`.",
  armResponseTimeout:
    "Arm the response timer (the 'simple' policy's 15 min) that sends `noResponse` when the learner does not answer.",
  clearTimeout: 'Cancel the step / response timer of the state being left.',
  notifyMentor:
    'Notify the human mentor (webhook / log) with the session, state and reason; does not wait for an answer.',

  // Understanding the story.
  loadStory:
    'Load and analyse the assigned story (title, acceptance criteria, complexity); send `storyLoaded`.',
  assessUnderstanding:
    'Ask the learner to restate the story and classify the answer: `correctUnderstanding`, `partialUnderstanding` or `misunderstanding`.',
  clarifyRequirements:
    'Answer the gaps in a partial understanding (the criteria the learner missed) and ask for confirmation.',
  reExplainStory:
    'Explain the story again, simpler and with an example; classify the reply as `understandingConfirmed` or `stillConfused`.',
  escalateDifficulty:
    'The learner did not answer the capability check in time: record the story as too hard for now, send a step-by-step framing and ask again.',
  reduceStoryScope:
    'Cut the story to a smaller first slice the learner can finish; send `scopeReduced`.',

  // Planning.
  requestPlan:
    'Ask the learner for an implementation plan and review it: `goodPlan`, `missingSteps` or `wrongApproach`.',
  approvePlan: 'Record the approved plan as the task list; send `planApproved`.',
  refinePlan: 'Point out the missing steps and ask for a revised plan (`planRevised`).',
  correctPlan:
    'Explain why the approach is wrong, suggest a direction and ask for a revised plan (`planRevised`).',
  provideTemplatePlan:
    'Give a structured template plan for the story; record it as the task list; send `templateProvided`.',

  // Implementation.
  assignTask: 'Assign the first task of the plan with its acceptance check.',
  assignNextStep:
    'Pick the next task of the plan and send `nextStepAssigned`, or `allStepsComplete` when none is left.',
  resumeImplementation:
    'Tell the learner to carry on with the current task, restating what is left.',
  guideCompletion: 'Say what is done and what remains of a partially completed task.',
  correctApproach:
    "Explain what is wrong with the learner's approach and the better one; send `approachCorrected` once acknowledged.",
  provideHint: 'Give one hint (not the answer) for the current task.',
  giveAnswer: 'Give the concrete answer / worked solution for the current step and explain it.',
  monitorProgress:
    'Watch activity (tests, builds, commits, messages) and classify it: `steadyProgress`, `slowingProgress`, `noProgress`, `circularActivity`, `taskCompleted`.',
  encourageSpeed: 'Encourage the learner and suggest the smallest next action to regain pace.',
  investigateStall: 'Ask the learner what they are doing and what blocks them.',
  detectPattern:
    'Run the pattern detectors (storyPolicies.patterns) over recent activity and send the pattern found, or `patternIdentified` for another one.',
  coachTestStrategy:
    'The same test keeps failing: review the test strategy with the learner (what the test checks, how to isolate it).',
  fixBuildFoundation:
    'The same build error repeats: fix the build foundation (config, dependencies, types) with the learner.',
  rethinkApproach:
    'The same code change keeps being made and undone: step back and choose a different approach.',
  breakAnalysisParalysis:
    'Research loop: stop the reading, pick one concrete small step and start coding it.',
  strategicRedirect:
    'Change the approach for the current task (new plan for the step); send `redirectComplete`.',

  // Blockers.
  diagnoseBlocker: 'Start a blocker diagnosis (blocker-diagnosis agent) for the current task.',
  analyzeState:
    "Collect the learner's recent state: errors, test output, diff, messages; send `stateAnalyzed`.",
  categorizeIssue:
    'Classify the blocker: `technicalError`, `conceptualConfusion`, `environmentIssue`, `analysisParalysis` or `unknownIssue`; else send `categorized`.',
  provideSolution:
    'Propose a solution for the categorised blocker; send `solutionProvided` when given.',
  fixTechnicalIssue: 'Give a specific fix for the technical error; send `fixProvided`.',
  explainConcept:
    'Explain the concept the learner is missing, with an example; classify the reply (`understandingConfirmed` / `stillConfused`).',
  fixEnvironment:
    'Walk through fixing the environment (install, config, versions); `environmentFixed` or `stillBroken`.',
  breakDownTask: 'Split the current task into small concrete sub-steps; send `taskBrokenDown`.',
  requestClarification:
    'Ask the learner to describe the problem precisely (what they tried, what they see); `clarificationReceived`.',
  verifyFix:
    'Ask the learner to confirm the fix works: `fixConfirmed`, `partialFix`, `stillBroken`.',
  refineFix: 'Adjust the partial fix; send `fixProvided`.',
  proposeAlternative: 'Propose a different solution after the fix failed; send `fixProvided`.',
  autoVerify:
    'Run the checks (tests, build) without the learner: `allChecksPass`, `someIssuesRemain`, `stillFailing`.',
  provideAdditionalFixes:
    'Give fixes for the issues the automatic verification still found; send `fixProvided`.',
  escalateIssue:
    'Record the unresolved technical issue for the mentor and tell the learner it has been escalated.',

  // Quality gates.
  runQualityGates:
    'Run tests with coverage, lint, type check, build and security scan (tools/run-checks); send `checksComplete`.',
  analyzeQualityResults:
    'Compare the results with storyPolicies.qualityGates; send `analysisComplete`.',
  determineQualityOutcome:
    'Send the outcome: `allPass`, `minorIssues` (auto-fixable), `majorIssues` or `criticalIssues`.',
  autoFixIssues: 'Apply the automatic fixes (formatter, lint --fix); send `fixesApplied`.',
  requireFixes: 'List the failing gates the learner must fix before review.',
  blockProgress: 'Block progress on a critical issue (security, broken build) and explain why.',

  // Review and completion.
  prepareCodeReview:
    'Help the learner write the PR description and checklist; send `prSubmitted` when the PR exists.',
  monitorReview: 'Watch the review: `approved`, `minorChanges`, `majorChanges`, `questions`.',
  coachReview: 'Help the learner address the review comments; send `fixesStarted`.',
  verifyReviewFixes: 'Check the review fixes: `fixesVerified` or `fixesIncomplete`.',
  planRework:
    'Explain the requested major changes and plan the rework with the learner; send `reworkStarted`.',
  clarifyFeedback:
    "Explain the reviewer's questions and how to answer them; send `feedbackClarified`.",
  mergeAndComplete: 'Merge the PR (or ask for the merge); send `mergeComplete`.',
  completeStory: 'Record the story as complete with the skills practised.',

  // Escalation and timeout.
  escalateToHuman:
    'Hand the session to a human mentor with a summary (state, history tail, blocker); the machine waits for `humanResolved`.',
  timeOutStory:
    'Record the story as timed out (no progress for 2 h) with a summary for the mentor.',
} as const;

export type StoryAction = keyof typeof storyActions;

/** Typed list of action names (a typo is a compile error). */
export function storyActionList(...names: StoryAction[]): StoryAction[] {
  return names;
}
