/**
 * Timer actions of the story machine: arm and clear the step, response, stuck and no-progress
 * timers (durations from storyPolicies.timeouts × TIME_SCALE).
 */
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { stepTimer, timerKinds, timerSpecs } from '../timers/timer-kinds.ts';
import { armTimer, clearTimer } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

export const timerActions = {
  armProgressTimers: ({ draft, deps }) => {
    armTimer(draft, timerSpecs.stuck, deps.timeScale);
    armTimer(draft, timerSpecs.noProgress, deps.timeScale);
  },
  clearTimers: ({ draft }) => {
    for (const kind of timerKinds) clearTimer(draft, kind);
  },
  armTimeout: ({ draft, deps }) => {
    armTimer(draft, stepTimer('simple'), deps.timeScale);
  },
  armTaskTimeout: ({ draft, deps }) => {
    armTimer(draft, stepTimer(draft.story.complexity), deps.timeScale);
  },
  armResponseTimeout: ({ draft, deps }) => {
    armTimer(draft, timerSpecs.response, deps.timeScale);
  },
  clearTimeout: ({ draft }) => {
    clearTimer(draft, 'step');
    clearTimer(draft, 'response');
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
