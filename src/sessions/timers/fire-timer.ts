/**
 * The Graphile Worker task every session timer runs. A timer whose due time was moved by activity
 * re-schedules itself; a stale one (cleared or re-armed) does nothing; a due one becomes a
 * `timeout` event through the same ingest path as every other event, keyed by the timer's token so
 * a job that runs twice (a crashed worker, a retry) fires once.
 */
import type { Task } from 'graphile-worker';
import type pg from 'pg';
import { isAppError } from '../../errors/app-error.ts';
import { selectArmedTimer } from '../../db/sessions/select-armed-timer.ts';
import { DUE_TOLERANCE_MS } from '../interpret/timer-event.ts';
import {
  SESSION_TIMER_TASK,
  timerJobKey,
  timerKinds,
  type TimerJobPayload,
} from './timer-kinds.ts';

export type TimerIngest = (
  sessionId: string,
  input: { id: string; type: 'timeout'; data: { kind: string; token: string } },
) => Promise<unknown>;

export interface TimerTaskOptions {
  readonly pool: pg.Pool;
  readonly ingest: TimerIngest;
  /** Called for each firing that becomes an event (tests count them across processes). */
  readonly onFire?: (payload: TimerJobPayload) => void;
  readonly log?: { warn(message: string): void };
}

/** The idempotency key of a timer firing. */
export function timerEventId(payload: TimerJobPayload): string {
  return `timer:${payload.kind}:${payload.token}`;
}

function isPayload(value: unknown): value is TimerJobPayload {
  const p = value as Partial<TimerJobPayload> | null;
  return (
    typeof p?.sessionId === 'string' &&
    typeof p.token === 'string' &&
    (timerKinds as readonly string[]).includes(p.kind as string)
  );
}

export function sessionTimerTask(options: TimerTaskOptions): Task {
  return async (payload, helpers) => {
    if (!isPayload(payload)) {
      options.log?.warn(`session timer job ${helpers.job.id}: unreadable payload, dropped`);
      return;
    }
    const timer = await selectArmedTimer(options.pool, payload.sessionId, payload.kind);
    if (!timer || timer.token !== payload.token) return;
    const due = Date.parse(timer.dueAt);
    if (due - DUE_TOLERANCE_MS > Date.now()) {
      // Activity moved the due time: run again then (replacing this job's key).
      await helpers.addJob(SESSION_TIMER_TASK, payload, {
        runAt: new Date(due),
        jobKey: timerJobKey(payload.sessionId, payload.kind),
        jobKeyMode: 'replace',
        maxAttempts: 10,
      });
      return;
    }
    options.onFire?.(payload);
    try {
      await options.ingest(payload.sessionId, {
        id: timerEventId(payload),
        type: 'timeout',
        data: { kind: payload.kind, token: payload.token },
      });
    } catch (error) {
      // A rejection is stored as the event's outcome (and a deleted session stays deleted):
      // retrying the job cannot change it. Anything else is retried by Graphile Worker.
      if (isAppError(error) && error.status < 500) return;
      throw error;
    }
  };
}
