/**
 * What a machine's guards see, per machine: the part of the machine profiles the engine step needs
 * (kept apart from the interpreters, which call the engine step themselves).
 */
import type { LifecycleContext } from '../../domain/machines/index.ts';
import { selectMentorAvailable } from '../../db/sessions/select-mentor-available.ts';
import type { MachineName } from '../types.ts';
import type { TurnDeps, TurnDraft } from './draft.ts';

export interface GuardContexts {
  /** What the guards see for `event`; may query (e.g. a mentor's availability). */
  guardContext(draft: TurnDraft, deps: TurnDeps, event: string): Promise<unknown>;
  /** The guard context for "is this event handled here" checks, without queries. */
  staticGuardContext(draft: TurnDraft): unknown;
}

function lifecycleContext(draft: TurnDraft, mentorAvailable: boolean): LifecycleContext {
  return {
    assessmentStatus: draft.context.assessmentStatus,
    goalCount: draft.context.goalCount ?? 0,
    mentorAvailable,
  };
}

export const guardContexts: Record<MachineName, GuardContexts> = {
  story: {
    guardContext: async () => ({}),
    staticGuardContext: () => ({}),
  },
  lifecycle: {
    async guardContext(draft, deps, event) {
      // Only one lifecycle guard needs a query; read it for the event that it guards.
      const mentorAvailable =
        event === 'REQUEST_MENTOR_HELP'
          ? await selectMentorAvailable(deps.pool, draft.session.mentorId)
          : false;
      return lifecycleContext(draft, mentorAvailable);
    },
    staticGuardContext: (draft) => lifecycleContext(draft, true),
  },
};
