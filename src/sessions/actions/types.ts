import type { TurnDeps, TurnDraft } from '../turn/draft.ts';

export interface ActionArgs {
  readonly draft: TurnDraft;
  readonly deps: TurnDeps;
  /** The action name, as the machine returned it. */
  readonly action: string;
  /** The data of the machine event whose transition returned the action. */
  readonly data: Record<string, unknown>;
}

/**
 * Runs one machine action on the draft. Handlers only change the draft (records, timers, replies,
 * follow-up events); the turn commits it. So running a handler again for the same event is harmless.
 */
export type ActionHandler = (args: ActionArgs) => void | Promise<void>;
