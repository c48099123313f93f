/**
 * The session layer's shared types: the stored session, its API view and what an ingest returns. The
 * records the SQL reads and writes too (statuses, events, outcomes, replies, transitions) are defined
 * once in src/domain/sessions.ts and re-exported here.
 */
import type { AdaptiveSettings } from './adaptive/types.ts';
import type { EventOutcome, Reply, SessionStatus } from '../domain/sessions.ts';
import type { Story } from '../../tools/story-loader.ts';
import type { MachineName } from '../domain/machines/index.ts';
import type { SessionContext } from './context.ts';

export type { MachineName, Story };
export {
  sessionStatuses,
  type EventOutcome,
  type EventOutcomeStatus,
  type EventSource,
  type Reply,
  type SessionStatus,
  type StoredEvent,
  type TransitionRecord,
} from '../domain/sessions.ts';

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
