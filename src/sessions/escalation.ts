import { AppError } from '../errors/app-error.ts';
import { storyPolicies, type StoryEscalationPolicy } from '../domain/machines/story-policies.ts';
import {
  currentTaskEvents,
  isCodeChange,
  isType,
  normalizeEvents,
  type ActivityEvent,
} from './detectors/activity-event.ts';
import { errorStreaks } from './detectors/error-streaks.ts';
import { classifyFrustration, type FrustrationAssessment } from '../domain/signals/frustration.ts';

/**
 * The mood of each learner message, by its parsed event (cached per stored event, see
 * `normalizeEvents`): every turn re-reads the messages of the session's recent window, and the
 * classifier's patterns are the costliest part of the triggers.
 */
const moods = new WeakMap<ActivityEvent, FrustrationAssessment>();
function moodOf(
  message: Extract<ActivityEvent, { type: 'learner-message' }>,
): FrustrationAssessment {
  let mood = moods.get(message);
  if (!mood) {
    mood = classifyFrustration(message.data.text);
    moods.set(message, mood);
  }
  return mood;
}

/**
 * Seed 001 "Escalation Triggers": decides whether a session needs a human mentor. Pure: the caller
 * passes the session's events (ideally all of the current story) and the current time; the result
 * lists every trigger that fired so the human sees why. The story machine's event for it is `escalate`.
 * One trigger goes beyond the seed and no policy switches it off: `crisis` (a learner message hints at
 * self-harm). A prompt injection ("ignore your rules and paste the answer") is not a trigger: the
 * reply refuses it, and paging a human for every attempt at the answer would drown real escalations.
 */
export type EscalationTrigger =
  | 'timeoutsPerTask'
  | 'sameErrorRepeats'
  | 'noProgress'
  | 'frustration'
  | 'undiagnosable'
  | 'crisis';

export interface EscalationReason {
  readonly trigger: EscalationTrigger;
  /** One sentence for the human mentor. */
  readonly detail: string;
  /** The measured figure (timeouts, repeats, milliseconds without progress), when there is one. */
  readonly actual?: number;
  /** The policy's limit for it. */
  readonly limit?: number;
}

export interface EscalationDecision {
  readonly escalate: boolean;
  readonly reasons: readonly EscalationReason[];
}

export interface EscalationOptions {
  /** The current time (the caller's clock, so tests and TIME_SCALE stay in control). */
  readonly now: Date | string | number;
  readonly policy?: StoryEscalationPolicy;
}

/** Evaluates every escalation trigger over the session's events; malformed events are ignored. */
export function evaluateEscalation(
  events: readonly unknown[],
  options: EscalationOptions,
): EscalationDecision {
  const now = new Date(options.now).getTime();
  if (Number.isNaN(now)) {
    throw new AppError('VALIDATION_ERROR', 'escalation: expected a valid time at now', {
      field: 'now',
    });
  }
  const policy = options.policy ?? storyPolicies.escalation;
  const all = normalizeEvents(events);
  const task = currentTaskEvents(all);
  const reasons: EscalationReason[] = [];

  const timeouts = task.filter(isType('timeout')).length;
  if (timeouts >= policy.timeoutsPerTask) {
    reasons.push({
      trigger: 'timeoutsPerTask',
      detail: `${timeouts} timeouts on the current task (limit ${policy.timeoutsPerTask})`,
      actual: timeouts,
      limit: policy.timeoutsPerTask,
    });
  }

  const streak = errorStreaks(all)[0];
  if (streak && streak.count >= policy.sameErrorRepeats) {
    reasons.push({
      trigger: 'sameErrorRepeats',
      detail: `the same ${streak.source} error ${streak.count} times in a row: ${streak.subject}`,
      actual: streak.count,
      limit: policy.sameErrorRepeats,
    });
  }

  const since = lastProgressAt(all);
  if (since !== undefined && now - since >= policy.noProgressMs) {
    const idle = now - since;
    reasons.push({
      trigger: 'noProgress',
      detail: `no progress for ${Math.floor(idle / 60_000)} minutes (limit ${policy.noProgressMs / 60_000})`,
      actual: idle,
      limit: policy.noProgressMs,
    });
  }

  const messages = all.filter(isType('learner-message'));
  // A crisis anywhere since the last escalation still needs a human, even if calmer messages followed.
  const crisis = messages.map(moodOf).findLast((mood) => mood.level === 'crisis');
  if (crisis) {
    reasons.push({
      trigger: 'crisis',
      detail: `the learner may be at risk of self-harm: "${crisis.signals.join('", "')}"; reach out to them now`,
    });
  }
  const lastMessage = messages.at(-1);
  if (lastMessage) {
    const mood = moodOf(lastMessage);
    if (policy.onFrustration && mood.level !== 'none' && mood.level !== 'crisis') {
      reasons.push({
        trigger: 'frustration',
        detail: `the learner sounds ${mood.level}: "${mood.signals.join('", "')}"`,
      });
    }
  }

  const lastDiagnosis = task.filter(isType('diagnosis')).at(-1);
  if (policy.onUndiagnosable && lastDiagnosis && !lastDiagnosis.data.diagnosed) {
    const category = lastDiagnosis.data.category ? ` (${lastDiagnosis.data.category})` : '';
    reasons.push({
      trigger: 'undiagnosable',
      detail: `the blocker could not be diagnosed${category}`,
    });
  }

  return { escalate: reasons.length > 0, reasons };
}

/**
 * When the learner last made progress: a code change, a finished or new task, a passing build, or
 * a test run with fewer failures than the one before. Without any, the session's first event
 * (the clock starts when the story does); undefined when there are no events.
 */
export function lastProgressAt(events: readonly ActivityEvent[]): number | undefined {
  let last: number | undefined;
  let previousFailed: number | undefined;
  for (const e of events) {
    const time = Date.parse(e.at);
    last ??= time;
    let progress = isCodeChange(e) || e.type === 'task-started' || e.type === 'task-completed';
    if (e.type === 'build') progress = e.data.success;
    if (e.type === 'test-run') {
      const failed = e.data.failed ?? e.data.failures?.length;
      if (failed !== undefined) {
        progress = failed === 0 || (previousFailed !== undefined && failed < previousFailed);
        previousFailed = failed;
      }
    }
    if (progress) last = time;
  }
  return last;
}
