/**
 * The session rows as this layer's records: creating a session, reading it (its context is this
 * layer's type) and its timers. The SQL is in src/db/sessions; so are the reads that need no mapping.
 */
import type pg from 'pg';
import {
  insertSession as insertSessionRows,
  type NewSessionRows,
} from '../../db/sessions/insert-session.ts';
import { selectJobs } from '../../db/sessions/select-jobs.ts';
import { selectLearnerSessionRows, selectSessionRow } from '../../db/sessions/select-session.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SessionContext } from '../context.ts';
import { SESSION_TIMER_TASK } from '../timers/timer-kinds.ts';
import type { SessionRecord } from '../types.ts';
import { toSessionRecord } from './rows.ts';

/** A new session: the rows `src/db` stores, with the context typed as this layer's. */
export type NewSession = Omit<NewSessionRows, 'context'> & { readonly context: SessionContext };

/** Inserts the session (and its learner and mentor when new) in one transaction. */
export async function insertSession(pool: pg.Pool, s: NewSession): Promise<void> {
  await withTransaction(pool, (client) => insertSessionRows(client, s));
}

export async function selectSession(pool: pg.Pool, id: string): Promise<SessionRecord | null> {
  const row = await selectSessionRow(pool, id);
  return row ? toSessionRecord(row) : null;
}

export async function selectLearnerSessions(
  pool: pg.Pool,
  learnerId: string,
): Promise<SessionRecord[]> {
  return (await selectLearnerSessionRows(pool, learnerId)).map(toSessionRecord);
}

/** A scheduled Graphile Worker job of a session. */
export interface TimerJob {
  readonly key: string;
  readonly runAt: string;
  readonly attempts: number;
  readonly lockedBy: string | null;
}

export async function selectTimerJobs(pool: pg.Pool, sessionId: string): Promise<TimerJob[]> {
  const rows = await selectJobs(pool, SESSION_TIMER_TASK, `session:${sessionId}:%`);
  return rows.map((r) => ({
    key: r.key,
    runAt: r.run_at.toISOString(),
    attempts: r.attempts,
    lockedBy: r.locked_by,
  }));
}

export function notFound(sessionId: string): AppError {
  return new AppError('NOT_FOUND', `Session '${sessionId}' not found.`, { field: 'sessionId' });
}
