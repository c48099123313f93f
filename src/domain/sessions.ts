/**
 * The records a session stores, shared by the session layer and the SQL that reads and writes them
 * (src/db/sessions): statuses, inbox events and their outcomes, replies, the transition log, and the
 * parts of `sessions.context` the SQL reads on its own (an armed timer, a session's outcomes).
 */

export const sessionStatuses = ['active', 'paused', 'completed', 'cancelled'] as const;
/** `completed`: the story (or mentorship) finished; `cancelled`: an operator cancelled it. */
export type SessionStatus = (typeof sessionStatuses)[number];

/** Where an inbox event came from. */
export type EventSource = 'client' | 'timer' | 'system';

/** One message for the learner (or the mentor) produced by an action. */
export interface Reply {
  /** The action that produced it, e.g. `provideHint`. */
  readonly action: string;
  readonly text: string;
  /** `agent`: an LLM agent (or its rules model); `rules`: this layer's deterministic text; `mentor`: a human. */
  readonly source: 'agent' | 'rules' | 'mentor';
  readonly model?: string;
  /** Who wrote a `mentor` reply. */
  readonly author?: string;
  /**
   * Set when the text was streamed live while the model wrote it: the index of that agent call's
   * stream in the turn (`token` events of the messages route carry the same `call`).
   */
  readonly streamed?: number;
}

/** What processing an event did to the session; stored in event_outcomes and returned to duplicates. */
export type EventOutcome =
  | {
      /** The event moved the machine (one or more transitions). */
      readonly status: 'applied';
      readonly machineEvents: readonly string[];
      readonly from: string;
      readonly to: string;
      readonly notes?: readonly string[];
    }
  | {
      /** Accepted and recorded (activity, a reply), without a transition. */
      readonly status: 'recorded';
      readonly reason: string;
      readonly notes?: readonly string[];
    }
  | {
      /** Accepted but without effect (a timer that was re-armed or cleared meanwhile). */
      readonly status: 'ignored';
      readonly reason: string;
    }
  | {
      /** Persisted, but not applicable: the session is unchanged. */
      readonly status: 'rejected';
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly field?: string;
        readonly allowedEvents?: readonly string[];
      };
    };

export type EventOutcomeStatus = EventOutcome['status'];

/** One row of the transition log. */
export interface TransitionRecord {
  readonly id: number;
  readonly eventId: string;
  readonly version: number;
  readonly from: string;
  readonly event: string;
  readonly to: string;
  readonly eventData: unknown;
  readonly at: string;
}

/** A stored inbox event. */
export interface StoredEvent {
  readonly id: string;
  readonly seq: number;
  readonly sessionId: string;
  /** The client's id (or a timer's); null when sent without one. */
  readonly idempotencyKey: string | null;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly source: EventSource;
  readonly receivedAt: string;
  readonly processedAt: string | null;
  readonly outcome: EventOutcome | null;
  /** The session after the event (null until processed). */
  readonly version: number | null;
  readonly state: string | null;
  readonly sessionStatus: SessionStatus | null;
}

/** A logical timer: the job fires at `jobRunAt`; activity moves `dueAt` without touching the job. */
export interface ArmedTimer {
  /** Id of the event that armed it: the firing's idempotency key, so one arming fires once. */
  readonly token: string;
  /** When it is due now (activity moves it). */
  readonly dueAt: string;
  /** When the job is scheduled to run (≤ dueAt; at that time the job re-schedules itself to dueAt). */
  readonly jobRunAt: string;
  /** Scaled duration, for re-arming on activity. */
  readonly ms: number;
  /** Machine event (or lifecycle check) the firing means, e.g. `timeout`, `complexTimeout`, `CHECK_IN_DUE`. */
  readonly event: string;
}

/** What one session measured; stored as `sessions.context.outcomes`. */
export interface SessionOutcomes {
  /** Time each finished task took over its estimate (the step timer's policy × TIME_SCALE), oldest first. */
  readonly taskRatios: readonly number[];
  /** Help requests (hints asked for). */
  readonly helpRequests: number;
  /** Whether the first judgement of the quality gates passed (absent until they judged). */
  readonly gateFirstTry?: boolean;
  /** Repeated-error patterns detected (the same test failing, the same build error…). */
  readonly repeatedErrors: number;
}
