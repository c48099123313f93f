/**
 * Records what a turn measured about the learner into the session's outcomes (context.outcomes),
 * so they are written by the same commit as the turn that produced them.
 */
import { currentTask } from '../context.ts';
import { stepTimer } from '../timers/timer-kinds.ts';
import type { TurnDeps, TurnDraft } from '../turn/draft.ts';
import { taskComplexity } from './task-complexity.ts';
import type { AdaptiveLevel, SessionOutcomes } from './types.ts';

/** A session keeps its most recent task ratios only (the profile reads the last few). */
const keptRatios = 20;

const empty: SessionOutcomes = { taskRatios: [], helpRequests: 0, repeatedErrors: 0 };

function update(draft: TurnDraft, change: (o: SessionOutcomes) => SessionOutcomes): void {
  draft.context.outcomes = change(draft.context.outcomes ?? empty);
}

/** The unscaled estimate of the current task: its step timer's policy. */
export function taskEstimateMs(draft: TurnDraft): number {
  return stepTimer(taskComplexity(currentTask(draft.context), draft.story.complexity)).afterMs;
}

/** The current task is finished: its time over its estimate (× TIME_SCALE) joins the outcomes. */
export function recordTaskFinished(draft: TurnDraft, deps: Pick<TurnDeps, 'timeScale'>): void {
  const started = draft.context.taskStartedAt;
  if (!started) return;
  const took = draft.now.getTime() - Date.parse(started);
  const estimate = taskEstimateMs(draft) * deps.timeScale;
  if (!(took >= 0) || !(estimate > 0)) return;
  const ratio = Math.round((took / estimate) * 1000) / 1000;
  update(draft, (o) => ({ ...o, taskRatios: [...o.taskRatios, ratio].slice(-keptRatios) }));
}

export function recordHelpRequest(draft: TurnDraft): void {
  update(draft, (o) => ({ ...o, helpRequests: o.helpRequests + 1 }));
}

export function recordRepeatedError(draft: TurnDraft): void {
  update(draft, (o) => ({ ...o, repeatedErrors: o.repeatedErrors + 1 }));
}

/** The quality gates judged: only the session's first judgement counts as "first try". */
export function recordGateJudgement(draft: TurnDraft, passed: boolean): void {
  if (draft.context.outcomes?.gateFirstTry !== undefined) return;
  update(draft, (o) => ({ ...o, gateFirstTry: passed }));
}

/**
 * The learner as the agents should see them, once there is a history to go by (without one the
 * agents keep the profile they have in memory).
 */
export function adaptiveLearner(draft: TurnDraft): {
  learner?: { level: AdaptiveLevel; helpRequests: number };
} {
  const adaptive = draft.context.adaptive;
  if (!adaptive?.profile.tasks) return {};
  return { learner: { level: adaptive.level, helpRequests: adaptive.profile.helpRequests } };
}
