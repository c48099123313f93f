/**
 * Ingest: validate an event against the session's machine, derive its idempotency key and id, and
 * store it in the inbox. Accepted means persisted; a repeated key stores nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/zod-error.ts';
import { isEvent } from '../machine/index.ts';
import { machines } from '../domain/machines/index.ts';
import {
  domainEventSchemas,
  domainEventTypes,
  eventInputSchema,
  isDomainEventType,
  isReportEventType,
  type EventInput,
} from './event-schemas.ts';
import { summarizeReport } from './interpret/report-summary.ts';
import { groupWrites } from '../db/group-writes.ts';
import { type InboxInsert, insertInboxEvent } from '../db/sessions/insert-inbox-event.ts';
import { insertInboxEvents } from '../db/sessions/insert-inbox-events.ts';
import { selectEventByKey } from '../db/sessions/select-event.ts';
import { selectSessionMachine } from '../db/sessions/select-session-machine.ts';
import { notFound } from './store/session-store.ts';
import type { EventSource, MachineName, StoredEvent } from './types.ts';

/** Stored event data, at most (bytes of JSON); raw reports are stored as their summary. */
export const MAX_EVENT_DATA_BYTES = 256 * 1024;

/** A deterministic UUID for (session, key): every process derives the same id for a repeated event. */
export function eventIdFor(sessionId: string, key: string): string {
  const h = createHash('sha256').update(sessionId).update('\0').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface ValidatedEvent {
  /** The idempotency key; null when the client sent no id (the event is never deduplicated). */
  readonly key: string | null;
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * Validates the envelope and the data. Unknown types name `type`; bad data names `data.<field>`.
 * Clients that send no `id` get a random key: two identical chat messages are two messages.
 */
export function validateEvent(
  sessionId: string,
  machine: MachineName,
  input: unknown,
): ValidatedEvent {
  const envelope = parseOrThrow(eventInputSchema, input);
  const { type } = envelope;
  let data: Record<string, unknown>;
  if (isDomainEventType(type)) {
    data = parseOrThrow(domainEventSchemas[type], envelope.data, 'data') as Record<string, unknown>;
    if (isReportEventType(type)) data = summarizeReport(type, data);
  } else if (isEvent(machines[machine], type)) {
    data = envelope.data;
  } else {
    throw new AppError(
      'VALIDATION_ERROR',
      `type: unknown event type '${type}'. Expected one of ${domainEventTypes.join(', ')}, or an event of the '${machine}' machine.`,
      {
        field: 'type',
        details: {
          domainEvents: domainEventTypes,
          machineEvents: Object.keys(machines[machine].events),
        },
      },
    );
  }
  if (JSON.stringify(data).length > MAX_EVENT_DATA_BYTES) {
    throw new AppError(
      'VALIDATION_ERROR',
      `data: larger than ${MAX_EVENT_DATA_BYTES} bytes once summarised`,
      { field: 'data' },
    );
  }
  const key = envelope.id ?? null;
  return { key, id: key === null ? randomUUID() : eventIdFor(sessionId, key), type, data };
}

/** Machines never change, so a process caches each session's machine after one read. */
const machineCache = new Map<string, MachineName>();

export async function sessionMachine(pool: pg.Pool, sessionId: string): Promise<MachineName> {
  const cached = machineCache.get(sessionId);
  if (cached) return cached;
  const machine = await selectSessionMachine(pool, sessionId);
  if (!machine) throw notFound(sessionId);
  if (machineCache.size > 100_000) machineCache.clear();
  machineCache.set(sessionId, machine);
  return machine;
}

export interface Stored {
  /** The stored event (for a repeated key: the earlier one, maybe not processed yet). */
  readonly stored: StoredEvent;
  readonly duplicate: boolean;
}

/**
 * The inbox insert, grouped: events of several sessions arriving together are stored by one
 * statement, in session order (a session's own events keep their arrival order).
 */
const insertGrouped = groupWrites({
  one: insertInboxEvent,
  many: insertInboxEvents,
  order: (a: InboxInsert, b: InboxInsert) =>
    a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0,
});

/** Stores a validated event; for a repeated key returns the earlier event instead. */
export async function storeEvent(
  pool: pg.Pool,
  sessionId: string,
  event: ValidatedEvent,
  source: EventSource,
): Promise<Stored> {
  const inserted = await insertGrouped(pool, {
    sessionId,
    eventId: event.id,
    key: event.key,
    type: event.type,
    data: event.data,
    source,
  });
  if (inserted) {
    const stored: StoredEvent = {
      id: event.id,
      seq: inserted.seq,
      sessionId,
      idempotencyKey: event.key,
      type: event.type,
      data: event.data,
      source,
      receivedAt: inserted.receivedAt,
      processedAt: null,
      outcome: null,
      version: null,
      state: null,
      sessionStatus: null,
    };
    return { stored, duplicate: false };
  }
  const earlier = event.key === null ? null : await selectEventByKey(pool, sessionId, event.key);
  if (!earlier) throw notFound(sessionId);
  // A retry must be the same event; an id reused for something else is a client bug, not a retry.
  if (earlier.type !== event.type || canonicalJson(earlier.data) !== canonicalJson(event.data)) {
    throw new AppError(
      'CONFLICT',
      `id: event id ${JSON.stringify(event.key)} was already used for a different ${earlier.type} event; use a new id`,
      {
        field: 'id',
        details: { eventId: earlier.id },
      },
    );
  }
  return { stored: earlier, duplicate: true };
}

/** JSON with object keys sorted, so stored (jsonb) and incoming data compare by value. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export type { EventInput };
