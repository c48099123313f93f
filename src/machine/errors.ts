import { AppError } from '../errors/app-error.ts';

/** The event is not handled in the current state (nor by any ancestor, nor by an any-state edge). */
export class InvalidTransitionError extends AppError {
  readonly state: string;
  readonly event: string;
  readonly allowedEvents: readonly string[];

  /** `because` replaces "in state 'X'" when something other than the state refuses the event (e.g. a pause). */
  constructor(state: string, event: string, allowedEvents: readonly string[], because?: string) {
    const allowed = allowedEvents.length ? allowedEvents.join(', ') : 'none (final state)';
    const where = because ? `${because} (state '${state}')` : `in state '${state}'`;
    super(
      'INVALID_TRANSITION',
      `Event '${event}' is not allowed ${where}. Allowed events: ${allowed}.`,
      {
        details: { state, event, allowedEvents: [...allowedEvents] },
      },
    );
    this.name = 'InvalidTransitionError';
    this.state = state;
    this.event = event;
    this.allowedEvents = allowedEvents;
  }
}

/** Transitions for the event exist here, but every one of them has a guard that returned false. */
export class GuardRejectedError extends AppError {
  readonly state: string;
  readonly event: string;
  /** The guards that were tried, in order. */
  readonly guards: readonly string[];

  constructor(state: string, event: string, guards: readonly string[]) {
    super(
      'GUARD_REJECTED',
      `Event '${event}' in state '${state}' was rejected by guard ${guards.map((g) => `'${g}'`).join(', ')}.`,
      {
        details: { state, event, guard: guards[0], guards: [...guards] },
      },
    );
    this.name = 'GuardRejectedError';
    this.state = state;
    this.event = event;
    this.guards = guards;
  }
}
