/**
 * The session layer's shared types: statuses, the stored session, event outcomes and replies. Each
 * union is defined once here.
 */
import type { AdaptiveSettings } from './adaptive/types.ts';
import type { Story } from '../../tools/story-loader.ts';
import type { MachineName } from '../domain/machines/index.ts';
import type { SessionContext } from './context.ts';

export type { MachineName, Story };

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

/** The session as stored (the learner view: never the reference solution). */
export interface SessionRecord {
  readonly id: string;
  readonly learnerId: string;
  readonly mentorId: string | null;
  readonly machine: MachineName;
  /** Current leaf state. */
  readonly state: string;
  /** Root-first state path, e.g. `['DIAGNOSE_BLOCKER', 'ANALYZE_STATE']`. */
  readonly statePath: readonly string[];
  readonly enteredAt: string;
  /** Events applied so far. */
  readonly version: number;
  readonly status: SessionStatus;
  readonly story: Story;
  readonly context: SessionContext;
  readonly nextCheckIn: string | null;
  readonly lastActivityAt: string | null;
  readonly startedAt: string;
  readonly pausedAt: string | null;
  readonly completedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A session as the API returns it. */
export interface SessionView extends Omit<SessionRecord, 'context'> {
  /** Machine events accepted in the current state (and `pause`/`resume`/`cancel` where they apply). */
  readonly allowedEvents: readonly string[];
  /** The current task of the plan, when there is one. */
  readonly currentTask: string | null;
  /** What the session adapts to the learner's history, with the reasons (story sessions). */
  readonly adaptive?: AdaptiveSettings;
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

/** The result of `ingestEvent`. */
export interface IngestResult {
  readonly event: {
    readonly id: string;
    readonly type: string;
    readonly duplicate: boolean;
    readonly seq: number;
  };
  readonly session: {
    readonly id: string;
    readonly state: string;
    readonly version: number;
    readonly status: SessionStatus;
  };
  readonly outcome: EventOutcome;
  /** What the turn said (stored with the turn, so a duplicate gets them too). */
  readonly replies: readonly Reply[];
}

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
