/**
 * Lifecycle-machine timers from seed 000 (Graphile Worker jobs scheduled by the seed's actions and
 * `scheduleNextStateCheck`), durations in ms. The timer layer scales them by TIME_SCALE.
 */
export interface LifecyclePolicies {
  /** `scheduleCheckIn`: first check-in one week after goals are set, then weekly while ACTIVE. */
  readonly weeklyCheckInMs: number;
  /** `assessmentReminder`: sent 3 days after the initial assessment was sent. */
  readonly assessmentReminderMs: number;
  /** `checkAssessmentCompletion`: 1 day after entering ASSESSMENT_PENDING. */
  readonly assessmentCheckMs: number;
  /** `checkProgressStagnation`: 2 weeks after entering ACTIVE. */
  readonly stagnationCheckMs: number;
}

const day = 24 * 60 * 60 * 1000;

/** The lifecycle timers of seed 000. */
export const lifecyclePolicies = {
  weeklyCheckInMs: 7 * day,
  assessmentReminderMs: 3 * day,
  assessmentCheckMs: 1 * day,
  stagnationCheckMs: 14 * day,
} as const satisfies LifecyclePolicies;
