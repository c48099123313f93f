/**
 * Action registry: every action name a machine returns resolves to one handler. The `satisfies`
 * clauses make a machine action without a handler a compile error.
 */
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import type { MachineName } from '../types.ts';
import { blockerActions } from './blocker-actions.ts';
import { implementationActions } from './implementation-actions.ts';
import { lifecycleActionHandlers } from './lifecycle-actions.ts';
import { notifyActions } from './notify-actions.ts';
import { planningActions } from './planning-actions.ts';
import { qualityActions } from './quality-actions.ts';
import { reviewActions } from './review-actions.ts';
import { timerActions } from './timer-actions.ts';
import type { ActionHandler } from './types.ts';
import { understandingActions } from './understanding-actions.ts';

export const storyActionHandlers = {
  ...timerActions,
  ...notifyActions,
  ...understandingActions,
  ...planningActions,
  ...implementationActions,
  ...blockerActions,
  ...qualityActions,
  ...reviewActions,
} satisfies Record<StoryAction, ActionHandler>;

export { lifecycleActionHandlers };

const registries: Record<MachineName, Readonly<Record<string, ActionHandler>>> = {
  story: storyActionHandlers,
  lifecycle: lifecycleActionHandlers,
};

/** The handler of `action` in `machine`, or undefined for a name no machine declares. */
export function actionHandler(machine: MachineName, action: string): ActionHandler | undefined {
  const registry = registries[machine];
  return Object.hasOwn(registry, action) ? registry[action] : undefined;
}

export type { ActionArgs, ActionHandler } from './types.ts';
