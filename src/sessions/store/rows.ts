/**
 * Row → record mapping for the session tables (timestamps as ISO strings, bigints as numbers).
 */
import type {
  EventOutcome,
  EventSource,
  SessionRecord,
  SessionStatus,
  StoredEvent,
  TransitionRecord,
} from '../types.ts';
import type { MachineName, Story } from '../types.ts';
import type { SessionContext } from '../context.ts';

const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value).toISOString();

export interface SessionRow {
  id: string;
  learner_id: string;
  mentor_id: string | null;
  machine: MachineName;
  state: string;
  state_path: string[];
  entered_at: Date;
  version: string | number;
  status: SessionStatus;
  context: SessionContext;
  story: Story;
  next_check_in: Date | null;
  last_activity_at: Date | null;
  started_at: Date;
  paused_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Columns read for a session (never the reference solution, which is another table). */
export const sessionColumns =
  'id, learner_id, mentor_id, machine, state, state_path, entered_at, version, status, context, story, next_check_in, last_activity_at, started_at, paused_at, completed_at, created_at, updated_at';

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    learnerId: row.learner_id,
    mentorId: row.mentor_id,
    machine: row.machine,
    state: row.state,
    statePath: row.state_path,
    enteredAt: iso(row.entered_at)!,
    version: Number(row.version),
    status: row.status,
    story: row.story,
    context: row.context ?? {},
    nextCheckIn: iso(row.next_check_in),
    lastActivityAt: iso(row.last_activity_at),
    startedAt: iso(row.started_at)!,
    pausedAt: iso(row.paused_at),
    completedAt: iso(row.completed_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export interface EventRow {
  id: string;
  seq: string | number;
  session_id: string;
  idempotency_key: string | null;
  type: string;
  payload: Record<string, unknown>;
  source: EventSource;
  received_at: Date;
  processed_at: Date | null;
  outcome: EventOutcome | null;
  version: string | number | null;
  state: string | null;
  session_status: SessionStatus | null;
}

/** Columns of an inbox event joined with its outcome (`from session_events e left join event_outcomes o using (session_id, seq)`). */
export const eventColumns =
  'e.id, e.seq, e.session_id, e.idempotency_key, e.type, e.payload, e.source, e.received_at, o.processed_at, o.outcome, o.version, o.state, o.session_status';
export const eventFrom = 'session_events e left join event_outcomes o using (session_id, seq)';

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    sessionId: row.session_id,
    idempotencyKey: row.idempotency_key,
    type: row.type,
    data: row.payload ?? {},
    source: row.source,
    receivedAt: iso(row.received_at)!,
    processedAt: iso(row.processed_at),
    outcome: row.outcome,
    version: row.version === null ? null : Number(row.version),
    state: row.state,
    sessionStatus: row.session_status,
  };
}

export interface TransitionRow {
  id: string | number;
  event_id: string;
  version: string | number;
  from_state: string;
  event: string;
  to_state: string;
  event_data: unknown;
  created_at: Date;
}

export function toTransitionRecord(row: TransitionRow): TransitionRecord {
  return {
    id: Number(row.id),
    eventId: row.event_id,
    version: Number(row.version),
    from: row.from_state,
    event: row.event,
    to: row.to_state,
    eventData: row.event_data,
    at: iso(row.created_at)!,
  };
}
