/**
 * The lifecycle machine's actions (seed 000's Graphile Worker tasks): assessments, goals, progress
 * updates, check-ins and stagnation checks, pause and completion. Durations from lifecyclePolicies.
 */
import type { LifecycleAction } from '../../domain/machines/lifecycle-actions.ts';
import { timerKinds, timerSpecs } from '../timers/timer-kinds.ts';
import { armTimer, clearTimer, notify, reply } from '../turn/draft.ts';
import type { TurnDraft } from '../turn/draft.ts';
import { notifyActions } from './notify-actions.ts';
import type { ActionHandler } from './types.ts';

const initialQuestions = [
  'Which languages and tools have you used, and for how long?',
  'Describe a feature you built recently, step by step.',
  'How do you test your code?',
  'What do you want to be able to do in three months?',
];

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Seed 000 `analyzeAssessmentResults`: a practice recommendation for each weak area (score < 60). */
export function recommendationsFor(results: Record<string, unknown>): string[] {
  const weak = Object.entries(results)
    .filter(([, v]) => typeof v === 'number' && v < 60)
    .map(([k]) => `Practise ${k}`);
  return weak.length ? weak : ['Keep building small features end to end'];
}

function armCheckIn(draft: TurnDraft, timeScale: number): void {
  draft.nextCheckIn = armTimer(draft, timerSpecs.checkIn, timeScale).dueAt;
}

export const lifecycleActionHandlers = {
  sendInitialAssessment: ({ draft, deps }) => {
    draft.assessments.push({ op: 'create', type: 'initial', questions: initialQuestions });
    draft.context.assessmentStatus = 'pending';
    notify(draft, 'assessment_required', 'learner', { questions: initialQuestions });
    armTimer(draft, timerSpecs.assessmentReminder, deps.timeScale);
  },
  scheduleAssessmentCheck: ({ draft, deps }) => {
    armTimer(draft, timerSpecs.assessmentCheck, deps.timeScale);
  },
  markAssessmentInProgress: ({ draft }) => {
    draft.assessments.push({ op: 'update', type: 'initial', status: 'in_progress' });
    draft.context.assessmentStatus = 'in_progress';
  },
  processAssessmentResults: ({ draft, action, data }) => {
    const results = record(data.results);
    draft.assessments.push({ op: 'update', type: 'initial', status: 'completed', results });
    draft.context.assessmentStatus = 'completed';
    draft.context.recommendations = recommendationsFor(results);
    clearTimer(draft, 'assessmentReminder');
    clearTimer(draft, 'assessmentCheck');
    notify(draft, 'goal_setting', 'learner', { recommendations: draft.context.recommendations });
    reply(
      draft,
      action,
      `Assessment done. Suggested focus: ${draft.context.recommendations.join('; ')}. Now set your goals.`,
    );
  },
  initializeProgressTracking: ({ draft, deps, action, data }) => {
    const goals = Array.isArray(data.goals)
      ? data.goals.map(record).filter((g) => typeof g.title === 'string' && g.title.trim())
      : [];
    for (const g of goals) {
      draft.goals.push({
        op: 'create',
        title: String(g.title).slice(0, 255),
        description: typeof g.description === 'string' ? g.description : null,
        targetDate:
          typeof g.targetDate === 'string' && !Number.isNaN(Date.parse(g.targetDate))
            ? new Date(g.targetDate).toISOString()
            : null,
      });
    }
    draft.context.goalCount = (draft.context.goalCount ?? 0) + goals.length;
    armCheckIn(draft, deps.timeScale);
    notify(draft, 'mentorship_active', 'learner', { goals: goals.map((g) => g.title) });
    reply(draft, action, `Goals set (${goals.length}). First check-in in a week.`);
  },
  scheduleStagnationCheck: ({ draft, deps }) => {
    armTimer(draft, timerSpecs.stagnationCheck, deps.timeScale);
  },
  requestCheckIn: ({ draft, deps, action }) => {
    notify(draft, 'check_in_required', 'learner', {});
    armCheckIn(draft, deps.timeScale);
    reply(draft, action, 'Weekly check-in: how did the week go? Send a progress update.');
  },
  updateProgress: ({ draft, data }) => {
    const content =
      typeof data.content === 'string'
        ? data.content
        : typeof data.text === 'string'
          ? data.text
          : 'Progress update';
    const type = data.type === 'milestone' || data.type === 'issue' ? data.type : 'check_in';
    const goalId = typeof data.goalId === 'string' ? data.goalId : null;
    if (!draft.progress.length)
      draft.progress.push({
        goal_id: goalId,
        update_type: type,
        content,
        metadata: Object.keys(data).length ? data : null,
      });
    if (typeof data.progress === 'number')
      draft.goals.push({
        op: 'progress',
        goalId,
        progress: Math.max(0, Math.min(100, Math.round(data.progress))),
      });
    draft.context.lastProgressAt = draft.now.toISOString();
  },
  notifyMentor: notifyActions.notifyMentor,
  resumeTracking: ({ draft, deps }) => {
    draft.pausedAt = null;
    if (!draft.context.timers?.checkIn) armCheckIn(draft, deps.timeScale);
  },
  pauseTracking: ({ draft, data }) => {
    draft.pausedAt = draft.now.toISOString();
    if (typeof data.reason === 'string') draft.context.pauseReason = data.reason;
    clearTimer(draft, 'checkIn');
    clearTimer(draft, 'stagnationCheck');
    draft.nextCheckIn = null;
  },
  finalizeMentorship: ({ draft, action }) => {
    draft.goals.push({ op: 'complete-all' });
    for (const kind of timerKinds) clearTimer(draft, kind);
    draft.nextCheckIn = null;
    notify(draft, 'mentorship_completed', 'learner', {});
    notify(draft, 'mentorship_completed', 'mentor', {});
    reply(draft, action, 'Mentorship complete. Congratulations!');
  },
  cancelMentorship: ({ draft, data }) => {
    for (const kind of timerKinds) clearTimer(draft, kind);
    draft.nextCheckIn = null;
    draft.context.cancelReason = typeof data.reason === 'string' ? data.reason : 'cancelled';
    notify(draft, 'mentorship_cancelled', draft.session.mentorId ? 'mentor' : 'human', {
      reason: draft.context.cancelReason,
    });
  },
} satisfies Record<LifecycleAction, ActionHandler>;
