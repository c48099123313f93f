/**
 * The action names the lifecycle machine returns and what the session layer must do for each
 * (seed 000's Graphile Worker tasks). Durations come from `lifecyclePolicies`. docs/machines.md
 * renders this table.
 */
export const lifecycleActions = {
  sendInitialAssessment:
    'Create the initial assessment (status pending), notify the learner (assessment_required) and schedule assessmentReminder after lifecyclePolicies.assessmentReminderMs (3 days).',
  scheduleAssessmentCheck:
    'Schedule checkAssessmentCompletion after lifecyclePolicies.assessmentCheckMs (1 day).',
  markAssessmentInProgress: "Set the assessment's status to in_progress.",
  processAssessmentResults:
    'Store the results (assessment completed), derive recommendations, save both on the mentorship, trigger goal setting.',
  initializeProgressTracking:
    'Save the goals (status active), schedule the first scheduleCheckIn after lifecyclePolicies.weeklyCheckInMs (1 week), notify mentorship_active.',
  scheduleStagnationCheck:
    'Schedule checkProgressStagnation after lifecyclePolicies.stagnationCheckMs (2 weeks).',
  requestCheckIn: 'Notify the learner check_in_required; schedule the next weekly check-in.',
  updateProgress: 'Insert the progress update (progress_updates) and update goal progress.',
  notifyMentor: 'Notify the mentor that the learner asks for help (mentor intervention).',
  resumeTracking: 'Resume progress tracking: clear paused_at, set next_check_in.',
  pauseTracking: 'Set paused_at; check-ins and stagnation checks stop while paused.',
  finalizeMentorship: 'Set completed_at, mark goals completed, cancel the pending timers, notify.',
  cancelMentorship: 'Cancel the pending timers and record why the mentorship was cancelled.',
} as const;

export type LifecycleAction = keyof typeof lifecycleActions;

/** Typed list of action names (a typo is a compile error). */
export function lifecycleActionList(...names: LifecycleAction[]): LifecycleAction[] {
  return names;
}
