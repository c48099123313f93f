/**
 * What differs between the two machines a session can run, bound once per machine (as XState's
 * `setup({ actions, guards })` binds a machine to its implementations): how an inbox event is read
 * and which session behaviours apply (what its guards see is in `guard-context.ts`). The turn code
 * asks the profile instead of branching on the machine's name.
 */
import { type StateGroup, storyStateGroup } from '../../domain/machines/state-groups.ts';
import type { Interpretation } from '../interpret/interpretation.ts';
import { interpretLifecycleEvent } from '../interpret/lifecycle-interpreter.ts';
import { interpretStoryEvent } from '../interpret/story-interpreter.ts';
import type { MachineName } from '../types.ts';
import type { TurnDeps, TurnDraft } from './draft.ts';

export interface MachineProfile {
  /** Reads the draft's inbox event as machine events. */
  interpret(draft: TurnDraft, deps: TurnDeps): Promise<Interpretation>;
  /**
   * Paused by the session's status (`pause`/`resume` events) rather than by a PAUSED state of the
   * machine itself.
   */
  readonly pausedBySession: boolean;
  /** Escalation triggers (stuck, repeated errors, frustration) are checked after activity. */
  readonly escalates: boolean;
  /** Learner-facing guidance names the next events as sentences, not as event names. */
  readonly eventsAsSentences: boolean;
  /** Guidance in working states invites questions about the story or a concept. */
  readonly invitesQuestions: boolean;
  /** The state group whose nested workflow runs a state's actions in the mentor-turn workflow. */
  groupOf(state: string): StateGroup;
}

export const machineProfiles: Record<MachineName, MachineProfile> = {
  story: {
    interpret: interpretStoryEvent,
    pausedBySession: true,
    escalates: true,
    eventsAsSentences: true,
    invitesQuestions: true,
    groupOf: storyStateGroup,
  },
  lifecycle: {
    interpret: interpretLifecycleEvent,
    pausedBySession: false,
    escalates: false,
    eventsAsSentences: false,
    invitesQuestions: false,
    groupOf: () => 'lifecycle',
  },
};

/** The profile of the draft's machine. */
export function profileOf(machine: MachineName): MachineProfile {
  return machineProfiles[machine];
}
