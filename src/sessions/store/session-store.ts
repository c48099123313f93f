/**
 * Reads and the few writes outside a turn: creating a session, the inbox insert, queries for the
 * API. Every function takes the pool, so tests and the bench can use their own.
 */
import type pg from 'pg';
import { AppError } from '../../errors/app-error.ts';
import type { SessionContext } from '../context.ts';
import { SESSION_TIMER_TASK } from '../timers/timer-kinds.ts';
import type {
  EventSource,
  MachineName,
  Reply,
  SessionRecord,
  StoredEvent,
  Story,
  TransitionRecord,
} from '../types.ts';
import {
  eventColumns,
  eventFrom,
  sessionColumns,
  toSessionRecord,
  toStoredEvent,
  toTransitionRecord,
} from './rows.ts';
import type { EventRow, SessionRow, TransitionRow } from './rows.ts';
import { withTransaction } from '../../db/transaction.ts';

export interface NewSession {
  readonly id: string;
  readonly learnerId: string;
  readonly mentorId: string | null;
  readonly machine: MachineName;
  readonly path: readonly string[];
  readonly story: Story;
  readonly referenceSolution: string | null;
  readonly context: SessionContext;
}

/** Inserts the session (and its learner and mentor when new) in one transaction. */
export async function insertSession(pool: pg.Pool, s: NewSession): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('insert into learners (id) values ($1) on conflict (id) do nothing', [
      s.learnerId,
    ]);
    if (s.mentorId)
      await client.query('insert into mentors (id) values ($1) on conflict (id) do nothing', [
        s.mentorId,
      ]);
    await client.query(
      `insert into sessions (id, learner_id, mentor_id, machine, state, state_path, entered_at, story, context)
       values ($1, $2, $3, $4, $5, $6, now(), $7, $8)`,
      [
        s.id,
        s.learnerId,
        s.mentorId,
        s.machine,
        s.path[s.path.length - 1],
        s.path,
        JSON.stringify(s.story),
        JSON.stringify(s.context),
      ],
    );
    await client.query('insert into session_inbox (session_id) values ($1)', [s.id]);
    if (s.referenceSolution) {
      await client.query(
        'insert into story_solutions (session_id, reference_solution) values ($1, $2)',
        [s.id, s.referenceSolution],
      );
    }
  });
}

export async function selectSession(pool: pg.Pool, id: string): Promise<SessionRecord | null> {
  const { rows } = await pool.query<SessionRow>(
    `select ${sessionColumns} from sessions where id = $1`,
    [id],
  );
  return rows[0] ? toSessionRecord(rows[0]) : null;
}

/** The story's reference solution (agents' leak guard only). */
export async function selectReferenceSolution(
  pool: pg.Pool,
  sessionId: string,
): Promise<string | null> {
  const { rows } = await pool.query<{ reference_solution: string }>(
    'select reference_solution from story_solutions where session_id = $1',
    [sessionId],
  );
  return rows[0]?.reference_solution ?? null;
}

export async function selectLearnerSessions(
  pool: pg.Pool,
  learnerId: string,
): Promise<SessionRecord[]> {
  const { rows } = await pool.query<SessionRow>(
    `select ${sessionColumns} from sessions where learner_id = $1 order by created_at desc, id`,
    [learnerId],
  );
  return rows.map(toSessionRecord);
}

/** The session's machine (never changes), for validating an event before it is stored. */
export async function selectSessionMachine(pool: pg.Pool, id: string): Promise<MachineName | null> {
  const { rows } = await pool.query<{ machine: MachineName }>(
    'select machine from sessions where id = $1',
    [id],
  );
  return rows[0]?.machine ?? null;
}

export interface InboxInsert {
  readonly sessionId: string;
  readonly eventId: string;
  /** Null: no idempotency key (never deduplicated). */
  readonly key: string | null;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly source: EventSource;
}

/**
 * Stores an event in the inbox. The session's arrival counter (`session_inbox.last_seq`) is bumped
 * under its row lock in the same statement, so a session's events are numbered in commit order (a
 * later number is never visible before an earlier one). Returns null when the key was already used
 * (or the session does not exist: the caller tells them apart).
 */
export async function insertInboxEvent(
  pool: pg.Pool,
  e: InboxInsert,
): Promise<{ seq: number; receivedAt: string } | null> {
  const { rows } = await pool.query<{ seq: string; received_at: Date }>(
    `with s as (update session_inbox set last_seq = last_seq + 1 where session_id = $1 returning last_seq)
     insert into session_events (session_id, seq, id, idempotency_key, type, payload, source)
     select $1, s.last_seq, $2, $3, $4, $5, $6 from s
     on conflict (session_id, idempotency_key) where idempotency_key is not null do nothing
     returning seq, received_at`,
    [e.sessionId, e.eventId, e.key, e.type, JSON.stringify(e.data), e.source],
  );
  return rows[0]
    ? { seq: Number(rows[0].seq), receivedAt: rows[0].received_at.toISOString() }
    : null;
}

export async function selectEventByKey(
  pool: pg.Pool,
  sessionId: string,
  key: string,
): Promise<StoredEvent | null> {
  const { rows } = await pool.query<EventRow>(
    `select ${eventColumns} from ${eventFrom} where e.session_id = $1 and e.idempotency_key = $2`,
    [sessionId, key],
  );
  return rows[0] ? toStoredEvent(rows[0]) : null;
}

export async function selectEvent(
  pool: pg.Pool,
  sessionId: string,
  seq: number,
): Promise<StoredEvent | null> {
  const { rows } = await pool.query<EventRow>(
    `select ${eventColumns} from ${eventFrom} where e.session_id = $1 and e.seq = $2`,
    [sessionId, seq],
  );
  return rows[0] ? toStoredEvent(rows[0]) : null;
}

/** Unprocessed events of a session (after its processed_seq), oldest first. */
export async function selectPendingEvents(
  pool: pg.Pool,
  sessionId: string,
  limit = 100,
): Promise<StoredEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `select e.id, e.seq, e.session_id, e.idempotency_key, e.type, e.payload, e.source, e.received_at,
            null as processed_at, null as outcome, null as version, null as state, null as session_status
     from session_events e join sessions s on s.id = e.session_id
     where e.session_id = $1 and e.seq > s.processed_seq order by e.seq limit $2`,
    [sessionId, limit],
  );
  return rows.map(toStoredEvent);
}

/** The latest accepted (applied or recorded) events of a session, oldest first: what detectors read. */
export async function selectRecentEvents(
  pool: pg.Pool,
  sessionId: string,
  limit: number,
): Promise<StoredEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `select ${eventColumns} from ${eventFrom}
     where e.session_id = $1 and o.outcome->>'status' in ('applied', 'recorded')
     order by e.seq desc limit $2`,
    [sessionId, limit],
  );
  return rows.map(toStoredEvent).reverse();
}

/** The latest accepted event of each type, e.g. the last lint and coverage reports for the quality gates. */
export async function selectLatestOfTypes(
  pool: pg.Pool,
  sessionId: string,
  types: readonly string[],
): Promise<StoredEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `select distinct on (e.type) ${eventColumns} from ${eventFrom}
     where e.session_id = $1 and e.type = any($2) and o.outcome->>'status' in ('applied', 'recorded')
     order by e.type, e.seq desc`,
    [sessionId, types],
  );
  return rows.map(toStoredEvent);
}

/** Replies of an event's turn (none when it ran no action). */
export async function selectTurnReplies(pool: pg.Pool, eventId: string): Promise<Reply[]> {
  const { rows } = await pool.query<{ replies: Reply[] }>(
    'select replies from turns where event_id = $1',
    [eventId],
  );
  return rows[0]?.replies ?? [];
}

/** Sessions whose next unprocessed event arrived at least `olderThanMs` ago (0: every one with pending events). */
export async function selectSessionsWithPendingEvents(
  pool: pg.Pool,
  olderThanMs = 0,
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `select s.id from sessions s join session_inbox i on i.session_id = s.id
     where i.last_seq > s.processed_seq
       and exists (select 1 from session_events e where e.session_id = s.id and e.seq > s.processed_seq
                   and e.received_at <= now() - make_interval(secs => $1::double precision / 1000))`,
    [olderThanMs],
  );
  return rows.map((r) => r.id);
}

/** The latest `limit` transitions of a session, oldest first (a tail of the log). */
export async function selectTransitions(
  pool: pg.Pool,
  sessionId: string,
  limit = 1000,
): Promise<TransitionRecord[]> {
  const { rows } = await pool.query<TransitionRow>(
    `select * from (
       select id, event_id, version, from_state, event, to_state, event_data, created_at
       from state_transitions where session_id = $1 order by id desc limit $2
     ) tail order by id`,
    [sessionId, limit],
  );
  return rows.map(toTransitionRecord);
}

/** The latest `limit` inbox events of a session, in arrival order (a tail of the inbox). */
export async function selectEvents(
  pool: pg.Pool,
  sessionId: string,
  limit = 1000,
): Promise<StoredEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `select * from (select ${eventColumns} from ${eventFrom} where e.session_id = $1 order by e.seq desc limit $2) tail order by seq`,
    [sessionId, limit],
  );
  return rows.map(toStoredEvent);
}

/** A scheduled Graphile Worker job of a session. */
export interface TimerJob {
  readonly key: string;
  readonly runAt: string;
  readonly attempts: number;
  readonly lockedBy: string | null;
}

export async function selectTimerJobs(pool: pg.Pool, sessionId: string): Promise<TimerJob[]> {
  const { rows } = await pool.query<{
    key: string;
    run_at: Date;
    attempts: number;
    locked_by: string | null;
  }>(
    `select key, run_at, attempts, locked_by from graphile_worker.jobs
     where task_identifier = $1 and key like $2 order by run_at`,
    [SESSION_TIMER_TASK, `session:${sessionId}:%`],
  );
  return rows.map((r) => ({
    key: r.key,
    runAt: r.run_at.toISOString(),
    attempts: r.attempts,
    lockedBy: r.locked_by,
  }));
}

export async function selectMentorAvailable(
  pool: pg.Pool,
  mentorId: string | null,
): Promise<boolean> {
  if (!mentorId) return false;
  const { rows } = await pool.query<{ available: boolean }>(
    'select available from mentors where id = $1',
    [mentorId],
  );
  return rows[0]?.available === true;
}

/** Sets a mentor's availability (seed 000's mentors.available), creating the mentor when new. */
export async function upsertMentor(
  pool: pg.Pool,
  mentor: { id: string; name?: string | null; available: boolean },
): Promise<void> {
  await pool.query(
    `insert into mentors (id, name, available) values ($1, $2, $3)
     on conflict (id) do update set available = excluded.available, name = coalesce(excluded.name, mentors.name)`,
    [mentor.id, mentor.name ?? null, mentor.available],
  );
}

export function notFound(sessionId: string): AppError {
  return new AppError('NOT_FOUND', `Session '${sessionId}' not found.`, { field: 'sessionId' });
}
