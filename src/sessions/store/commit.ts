/**
 * The one write of a turn, as this layer builds it: `commit_session_turn(jsonb)` (migration 0002,
 * called by src/db/sessions/commit-session-turn.ts) applies the new session row, the transition
 * log, the records the actions wrote, the timer jobs and the inbox outcome in one transaction and
 * one round trip, under the session's row lock and a compare-and-set on its version.
 */
import type pg from 'pg';
import { groupWrites } from '../../db/group-writes.ts';
import { commitSessionTurn } from '../../db/sessions/commit-session-turn.ts';
import { commitSessionTurns } from '../../db/sessions/commit-session-turns.ts';
import type { CommitResult } from '../../db/sessions/types.ts';
import type { SessionContext } from '../context.ts';
import type { TimerJobPayload } from '../timers/timer-kinds.ts';
import type { EventOutcome, Reply, SessionStatus, Story } from '../types.ts';

export type { CommitResult };

export interface SessionWrite {
  readonly state: string;
  readonly path: readonly string[];
  readonly enteredAt: string;
  readonly status: SessionStatus;
  readonly context: SessionContext;
  /** Only when the story changed (a new story was assigned). */
  readonly story?: Story;
  readonly nextCheckIn: string | null;
  readonly lastActivityAt: string | null;
  readonly pausedAt: string | null;
  readonly completedAt: string | null;
}

export interface TransitionWrite {
  readonly from_state: string;
  readonly event: string;
  readonly to_state: string;
  readonly event_data: unknown;
}

export type RecipientKind = 'learner' | 'mentor' | 'human';

export interface NotificationWrite {
  readonly kind: string;
  readonly recipient_kind: RecipientKind;
  readonly recipient: string | null;
  readonly payload: Record<string, unknown>;
}

export type AssessmentWrite =
  | {
      readonly op: 'create';
      readonly type: 'initial' | 'progress' | 'final';
      readonly questions: readonly string[];
    }
  | {
      readonly op: 'update';
      readonly type: 'initial' | 'progress' | 'final';
      readonly status: 'pending' | 'in_progress' | 'completed';
      readonly results?: unknown;
    };

export type GoalWrite =
  | {
      readonly op: 'create';
      readonly title: string;
      readonly description: string | null;
      readonly targetDate: string | null;
    }
  | { readonly op: 'complete-all' }
  | { readonly op: 'progress'; readonly goalId: string | null; readonly progress: number };

export interface ProgressWrite {
  readonly goal_id: string | null;
  readonly update_type: 'check_in' | 'milestone' | 'issue';
  readonly content: string;
  readonly metadata: Record<string, unknown> | null;
}

/** Arm (runAt set) or remove (runAt null) the job with this key. */
export interface TimerWrite {
  readonly key: string;
  readonly task: string;
  /** The job's payload: a timer's, or `{ sessionId }` for the session's history prune. */
  readonly payload: TimerJobPayload | { readonly sessionId: string } | null;
  readonly runAt: string | null;
}

export interface AgentCallRecord {
  readonly action: string;
  readonly model: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly latencyMs: number;
  readonly fallback: boolean;
}

export interface TurnWrite {
  readonly actions: readonly string[];
  readonly replies: readonly Reply[];
  readonly agentCalls: readonly AgentCallRecord[];
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly latencyMs: number;
  readonly model: string | null;
  readonly fallback: boolean;
}

export interface TurnCommit {
  readonly sessionId: string;
  readonly seq: number;
  readonly eventId: string;
  /** The version the turn was computed from. */
  readonly version: number;
  readonly outcome: EventOutcome;
  /** Absent for a rejected event: nothing but the inbox row changes. */
  readonly session?: SessionWrite;
  readonly transitions?: readonly TransitionWrite[];
  readonly notifications?: readonly NotificationWrite[];
  readonly assessments?: readonly AssessmentWrite[];
  readonly goals?: readonly GoalWrite[];
  readonly progress?: readonly ProgressWrite[];
  readonly timers?: readonly TimerWrite[];
  readonly turn?: TurnWrite;
}

const commitGrouped = groupWrites<TurnCommit, CommitResult>({
  one: commitSessionTurn,
  many: commitSessionTurns,
  order: (a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : a.seq - b.seq),
});

/**
 * Sends the turn's writes to `commit_session_turn` (src/db/sessions), typed as this layer builds
 * them. Turns of several sessions ready together are committed together (`groupWrites`).
 */
export function commitTurn(pool: pg.Pool, commit: TurnCommit): Promise<CommitResult> {
  return commitGrouped(pool, commit);
}
