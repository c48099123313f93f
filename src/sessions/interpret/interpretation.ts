/** What an inbox event means for the machine. */
export interface MachineEventCall {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

export interface Interpretation {
  /** Machine events to apply, in order (none: the event is only recorded). */
  readonly events: readonly MachineEventCall[];
  /** Why nothing transitions, for the outcome. */
  readonly reason?: string;
  /** Learner activity: pushes back the activity timers (step, response, stuck). */
  readonly activity: boolean;
  /** Progress: pushes back the no-progress timer too. */
  readonly progress: boolean;
  /** Read the same event again in the state `events` lead to (a revised plan is reviewed at once). */
  readonly reinterpret?: boolean;
  /** Accepted without effect (a stale timer). */
  readonly ignored?: string;
  /** Whether to run the escalation triggers after applying. */
  readonly checkEscalation?: boolean;
}

export const recorded = (reason: string, activity = true, progress = false): Interpretation => ({
  events: [],
  reason,
  activity,
  progress,
});
