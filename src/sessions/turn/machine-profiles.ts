/**
 * What differs between the two machines a session can run, bound once per machine (as XState's
 * `setup({ actions, guards })` binds a machine to its implementations): how an inbox event is read,
 * what its guards see, and which session behaviours apply. The turn code asks the profile instead of
 * branching on the machine's name.
 */
import type { LifecycleContext } from '../../domain/machines/index.ts';
import type { Interpretation } from '../interpret/interpretation.ts';
import { interpretLifecycleEvent } from '../interpret/lifecycle-interpreter.ts';
import { interpretStoryEvent } from '../interpret/story-interpreter.ts';
import { selectMentorAvailable } from '../store/session-store.ts';
import type { MachineName } from '../types.ts';
import type { TurnDeps, TurnDraft } from './draft.ts';

export interface MachineProfile {
  /** Reads the draft's inbox event as machine events. */
  interpret(draft: TurnDraft, deps: TurnDeps): Promise<Interpretation>;
  /** What the guards see for `event`; may query (e.g. a mentor's availability). */
  guardContext(draft: TurnDraft, deps: TurnDeps, event: string): Promise<unknown>;
  /** The guard context for "is this event handled here" checks, without queries. */
  staticGuardContext(draft: TurnDraft): unknown;
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
}

function lifecycleContext(draft: TurnDraft, mentorAvailable: boolean): LifecycleContext {
  return {
    assessmentStatus: draft.context.assessmentStatus,
    goalCount: draft.context.goalCount ?? 0,
    mentorAvailable,
  };
}

export const machineProfiles: Record<MachineName, MachineProfile> = {
  story: {
    interpret: interpretStoryEvent,
    guardContext: async () => ({}),
    staticGuardContext: () => ({}),
    pausedBySession: true,
    escalates: true,
    eventsAsSentences: true,
    invitesQuestions: true,
  },
  lifecycle: {
    interpret: interpretLifecycleEvent,
    async guardContext(draft, deps, event) {
      // Only one lifecycle guard needs a query; read it for the event that it guards.
      const mentorAvailable =
        event === 'REQUEST_MENTOR_HELP'
          ? await selectMentorAvailable(deps.pool, draft.session.mentorId)
          : false;
      return lifecycleContext(draft, mentorAvailable);
    },
    staticGuardContext: (draft) => lifecycleContext(draft, true),
    pausedBySession: false,
    escalates: false,
    eventsAsSentences: false,
    invitesQuestions: false,
  },
};

/** The profile of the draft's machine. */
export function profileOf(machine: MachineName): MachineProfile {
  return machineProfiles[machine];
}
