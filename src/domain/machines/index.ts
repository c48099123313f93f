/**
 * Registry of the mentorship state machines, with their policies as data next to them.
 */
import { lifecycleMachine } from './lifecycle-machine.ts';
import { storyMachine } from './story-machine.ts';

export const machines = { lifecycle: lifecycleMachine, story: storyMachine } as const;

export type MachineName = keyof typeof machines;

/** Valid machine names, for CLI/HTTP validation. */
export const machineNames = Object.keys(machines) as MachineName[];

/** True when `name` names a registered machine. */
export function isMachineName(name: string): name is MachineName {
  return Object.hasOwn(machines, name);
}

export { lifecycleMachine, storyMachine };
export type { LifecycleContext, LifecycleMachine } from './lifecycle-machine.ts';
export type { StoryMachine } from './story-machine.ts';
export { lifecycleActions } from './lifecycle-actions.ts';
export type { LifecycleAction } from './lifecycle-actions.ts';
export { storyActions } from './story-actions.ts';
export type { StoryAction } from './story-actions.ts';
export { storyEvents } from './story-events.ts';
export type { StoryEvent } from './story-events.ts';
export type { StoryState } from './story-states.ts';
export { lifecyclePolicies } from './lifecycle-policies.ts';
export type { LifecyclePolicies } from './lifecycle-policies.ts';
export { storyPolicies, timeoutPolicy } from './story-policies.ts';
export type { StoryPolicies, StoryTimeoutKind, StoryTimeoutPolicy } from './story-policies.ts';
