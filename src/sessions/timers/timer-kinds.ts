/**
 * The durable timers of a session and what each one means. Durations come from the machines'
 * policies (`storyPolicies.timeouts`, `lifecyclePolicies`) and are multiplied by TIME_SCALE.
 */
import { lifecyclePolicies } from '../../domain/machines/lifecycle-policies.ts';
import { timeoutPolicy, type StoryTimeoutKind } from '../../domain/machines/story-policies.ts';

export const timerKinds = [
  // Story machine.
  'step',
  'response',
  'stuck',
  'noProgress',
  // Lifecycle machine (seed 000's Graphile jobs).
  'checkIn',
  'assessmentReminder',
  'assessmentCheck',
  'stagnationCheck',
] as const;
export type TimerKind = (typeof timerKinds)[number];

/** Graphile Worker task that fires every session timer. */
export const SESSION_TIMER_TASK = 'mentorflow_session_timer';

/** The job key of a session's timer: one job per kind, so arming again replaces it. */
export function timerJobKey(sessionId: string, kind: TimerKind): string {
  return `session:${sessionId}:${kind}`;
}

/** The job payload. */
export interface TimerJobPayload {
  readonly sessionId: string;
  readonly kind: TimerKind;
  readonly token: string;
}

export interface TimerSpec {
  readonly kind: TimerKind;
  /** Unscaled duration (ms). */
  readonly afterMs: number;
  /** Machine event sent when it fires (lifecycle checks that only notify have none). */
  readonly event: string | null;
}

/** The step timer for a task complexity (seed 001 timeout handling). */
export function stepTimer(
  complexity: Extract<StoryTimeoutKind, 'simple' | 'complex' | 'research'>,
): TimerSpec {
  const policy = timeoutPolicy(complexity);
  return { kind: 'step', afterMs: policy.afterMs, event: policy.event };
}

/** Every other timer's duration and event. */
export const timerSpecs = {
  response: { kind: 'response', afterMs: timeoutPolicy('simple').afterMs, event: 'noResponse' },
  stuck: { kind: 'stuck', afterMs: timeoutPolicy('stuck').afterMs, event: 'stuckTimeout' },
  noProgress: {
    kind: 'noProgress',
    afterMs: timeoutPolicy('noProgress').afterMs,
    event: 'noProgressTimeout',
  },
  checkIn: { kind: 'checkIn', afterMs: lifecyclePolicies.weeklyCheckInMs, event: 'CHECK_IN_DUE' },
  assessmentReminder: {
    kind: 'assessmentReminder',
    afterMs: lifecyclePolicies.assessmentReminderMs,
    event: null,
  },
  assessmentCheck: {
    kind: 'assessmentCheck',
    afterMs: lifecyclePolicies.assessmentCheckMs,
    event: null,
  },
  stagnationCheck: {
    kind: 'stagnationCheck',
    afterMs: lifecyclePolicies.stagnationCheckMs,
    event: null,
  },
} as const satisfies Record<Exclude<TimerKind, 'step'>, TimerSpec>;

/** Timers that learner activity pushes back (the "no activity for …" clocks). */
export const activityTimers: readonly TimerKind[] = ['step', 'response', 'stuck'];
/** Timers that only progress pushes back. */
export const progressTimers: readonly TimerKind[] = ['noProgress'];
