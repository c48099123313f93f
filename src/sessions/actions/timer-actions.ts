/**
 * Timer actions of the story machine: arm and clear the step, response, stuck and no-progress
 * timers (durations from storyPolicies.timeouts × TIME_SCALE; the step and response timers also ×
 * the learner's adaptive factor).
 */
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { taskComplexity } from '../adaptive/task-complexity.ts';
import { currentTask } from '../context.ts';
import { stepTimer, timerKinds, timerSpecs, type TimerSpec } from '../timers/timer-kinds.ts';
import { armTimer, clearTimer, type TurnDraft } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

/** A step or response timer stretched by the learner's history (adaptive/profile.ts; 1 without). */
function armAdaptive(draft: TurnDraft, spec: TimerSpec, timeScale: number): void {
  const factor = draft.context.adaptive?.timeoutFactor ?? 1;
  armTimer(draft, spec, timeScale, Math.round(spec.afterMs * factor));
}

export const timerActions = {
  armProgressTimers: ({ draft, deps }) => {
    armTimer(draft, timerSpecs.stuck, deps.timeScale);
    armTimer(draft, timerSpecs.noProgress, deps.timeScale);
  },
  clearTimers: ({ draft }) => {
    for (const kind of timerKinds) clearTimer(draft, kind);
  },
  armTimeout: ({ draft, deps }) => {
    armAdaptive(draft, stepTimer('simple'), deps.timeScale);
  },
  armTaskTimeout: ({ draft, deps }) => {
    // The current plan step's complexity, not only the story's (adaptive/task-complexity.ts).
    const complexity = taskComplexity(currentTask(draft.context), draft.story.complexity);
    armAdaptive(draft, stepTimer(complexity), deps.timeScale);
  },
  armResponseTimeout: ({ draft, deps }) => {
    armAdaptive(draft, timerSpecs.response, deps.timeScale);
  },
  clearTimeout: ({ draft }) => {
    clearTimer(draft, 'step');
    clearTimer(draft, 'response');
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
