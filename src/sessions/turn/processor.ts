/**
 * Processes a session's inbox until it is caught up: the oldest unprocessed event first, one
 * commit per event (compare-and-set on the session's version, so several processes may drain the
 * same session and each event is applied exactly once, in arrival order). Within a process, one
 * drain per session runs at a time and later callers join it; sessions drain concurrently.
 */
import type pg from 'pg';
import { AppError } from '../../errors/app-error.ts';
import type { AgentPort, TurnReplyStreams } from '../agent-port.ts';
import { type CommitResult, commitTurn } from '../store/commit.ts';
import type { Retention } from '../store/prune-history.ts';
import { selectPendingEvents } from '../../db/sessions/select-pending-events.ts';
import { selectRecentEvents } from '../../db/sessions/select-recent-events.ts';
import { selectRecentReplies } from '../../db/sessions/select-recent-replies.ts';
import { selectReferenceSolution } from '../../db/sessions/select-reference-solution.ts';
import { selectSession } from '../store/session-store.ts';
import type { EventOutcome, Reply, SessionRecord, SessionStatus, StoredEvent } from '../types.ts';
import { type ComputedTurn, computeTurn } from './compute-turn.ts';
import type { TurnDeps, TurnDraft } from './draft.ts';

/** Accepted events kept in memory per session for the detectors (≥ storyPolicies.patterns.windowSize). */
const RECENT_WINDOW = 50;
/**
 * Turns whose replies the leak guard reads with a new one (pieces over several turns add up): a
 * long conversation's worth, refusals and chatter between the pieces included. The guard keeps
 * only those that carry something of the solution (`agents/leak-history.ts`).
 */
export const RECENT_REPLIES_GUARDED = 200;
/** Sessions whose state is cached in memory, at most (least recently used dropped first). */
const CACHE_LIMIT = 10_000;
/** Lost compare-and-sets in a row before a drain gives up (another process keeps winning). */
const MAX_CONFLICTS = 100;
/** Pending events read per inbox query. */
const BATCH = 100;

/**
 * Computes and commits one turn: `directTurns` in process, or the `mentor-turn` Mastra workflow
 * (`workflow-runner.ts`), whose steps do the same phases. Throws when the turn failed.
 */
export type TurnExecutor = (
  session: SessionRecord,
  event: StoredEvent,
  deps: TurnDeps,
  pool: pg.Pool,
) => Promise<{ turn: ComputedTurn; result: CommitResult }>;

/** The turn computed and committed without a workflow run (tests, the bench's floor). */
export const directTurns: TurnExecutor = async (session, event, deps, pool) => {
  const turn = await computeTurn(session, event, deps);
  return { turn, result: await commitTurn(pool, turn.commit) };
};

export interface ProcessorOptions {
  readonly pool: pg.Pool;
  /** How a turn is computed and committed; default `directTurns`. */
  readonly execute?: TurnExecutor;
  readonly agents: AgentPort;
  readonly timeScale: number;
  /** History retention (none: history is kept). */
  readonly retention?: Retention;
  readonly beforeAction?: (action: string, draft: TurnDraft) => Promise<void>;
  readonly onError?: (error: unknown, event: StoredEvent) => void;
}

export interface TurnProcessor {
  /**
   * Processes every pending event of the session; resolves once none is left. `stored`, the event
   * just stored by this process, lets a caught-up session skip reading its inbox.
   */
  drain(sessionId: string, stored?: StoredEvent): Promise<void>;
  /** Forgets the cached state of a session (it changed elsewhere). */
  forget(sessionId: string): void;
  /** The result of an event this process committed (once; null when unknown here). */
  takeResult(eventId: string): ProcessedEvent | null;
  /** Replaces how turns are computed and committed (null: `directTurns`). */
  useExecutor(execute: TurnExecutor | null): void;
  /**
   * Streams the replies of `eventId`'s turn, when this process computes it, to `streams`; returns
   * the function that stops it.
   */
  streamReplies(eventId: string, streams: TurnReplyStreams): () => void;
}

/** An event as committed: its outcome and the session after it. */
export interface ProcessedEvent {
  readonly outcome: EventOutcome;
  readonly replies: readonly Reply[];
  readonly version: number;
  readonly state: string;
  readonly status: SessionStatus;
}

/** Results kept for `takeResult`, at most (events nobody waits for, e.g. recovered ones, age out). */
const RESULT_LIMIT = 10_000;

interface CachedSession {
  record: SessionRecord;
  recent: StoredEvent[];
  /** Last inbox seq this process committed for the session. */
  lastSeq?: number;
  solution?: Promise<string | null>;
}

export function createTurnProcessor(options: ProcessorOptions): TurnProcessor {
  const { pool } = options;
  const cache = new Map<string, CachedSession>();
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const results = new Map<string, ProcessedEvent>();
  let execute = options.execute ?? directTurns;
  const live = new Map<string, TurnReplyStreams>();

  async function load(sessionId: string): Promise<CachedSession | null> {
    const hit = cache.get(sessionId);
    if (hit) {
      // Refresh its place in the LRU order.
      cache.delete(sessionId);
      cache.set(sessionId, hit);
      return hit;
    }
    const [record, recent] = await Promise.all([
      selectSession(pool, sessionId),
      selectRecentEvents(pool, sessionId, RECENT_WINDOW),
    ]);
    if (!record) return null;
    const entry = { record, recent };
    cache.set(sessionId, entry);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    return entry;
  }

  async function processPending(sessionId: string, hint: StoredEvent | undefined): Promise<void> {
    let conflicts = 0;
    for (;;) {
      const cached = cache.get(sessionId);
      // Caught up with the inbox up to the event just stored: no need to read the inbox.
      const pending =
        hint && cached?.lastSeq === hint.seq - 1
          ? [hint]
          : await selectPendingEvents(pool, sessionId, BATCH);
      hint = undefined;
      if (!pending.length) return;
      const entry = await load(sessionId);
      if (!entry) return;
      let lost = false;
      for (const event of pending) {
        // Read once per turn: the agent call and the reply guard both judge with them.
        let replies: Promise<string[]> | undefined;
        const deps: TurnDeps = {
          pool,
          agents: options.agents,
          timeScale: options.timeScale,
          recent: entry.recent,
          beforeAction: options.beforeAction,
          replyStreams: live.get(event.id),
          retention: options.retention,
          referenceSolution: () => (entry.solution ??= selectReferenceSolution(pool, sessionId)),
          recentReplies: () =>
            (replies ??= selectRecentReplies(pool, sessionId, RECENT_REPLIES_GUARDED)),
        };
        let turn: ComputedTurn;
        let result: CommitResult;
        try {
          ({ turn, result } = await execute(entry.record, event, deps, pool));
        } catch (error) {
          // A bug or an unexpected failure must not block the session's later events forever:
          // record the event as rejected and carry on. Database errors are retried instead.
          if (isDatabaseError(error)) throw error;
          options.onError?.(error, event);
          turn = {
            commit: {
              sessionId,
              seq: event.seq,
              eventId: event.id,
              version: entry.record.version,
              outcome: {
                status: 'rejected' as const,
                // Not a 5xx: the server did not fail the request, it stored the event and
                // decided to skip it; sending it again gets the same answer (it is one event).
                error: {
                  code: 'UNPROCESSABLE',
                  message:
                    'The event could not be processed; it was recorded and skipped (the failure is logged for the operators).',
                },
              },
            },
            replies: [],
            next: entry.record,
          };
          result = await commitTurn(pool, turn.commit);
        }
        if (result.status === 'missing') {
          cache.delete(sessionId);
          return;
        }
        if (result.status === 'conflict') {
          // Another process applied events meanwhile: reload and start from its state.
          cache.delete(sessionId);
          if (++conflicts > MAX_CONFLICTS)
            throw new AppError(
              'CONFLICT',
              `Session ${sessionId} keeps changing elsewhere; gave up after ${MAX_CONFLICTS} attempts.`,
            );
          lost = true;
          break;
        }
        conflicts = 0;
        entry.lastSeq = event.seq;
        entry.record = { ...turn.next, version: result.version };
        results.set(event.id, {
          outcome: turn.commit.outcome,
          replies: turn.replies,
          version: result.version,
          state: entry.record.state,
          status: entry.record.status,
        });
        if (results.size > RESULT_LIMIT) results.delete(results.keys().next().value!);
        const status = turn.commit.outcome.status;
        if (status === 'applied' || status === 'recorded') {
          entry.recent.push({
            ...event,
            processedAt: new Date().toISOString(),
            outcome: turn.commit.outcome,
            version: result.version,
            state: entry.record.state,
            sessionStatus: entry.record.status,
          });
          if (entry.recent.length > RECENT_WINDOW)
            entry.recent.splice(0, entry.recent.length - RECENT_WINDOW);
        }
      }
      // A full batch may have more behind it; a lost compare-and-set restarts from the database.
      if (!lost && pending.length < BATCH) return;
    }
  }

  return {
    drain(sessionId, stored) {
      const active = running.get(sessionId);
      if (active) {
        active.again = true;
        return active.done;
      }
      const state: { again: boolean; done: Promise<void> } = {
        again: false,
        done: Promise.resolve(),
      };
      state.done = (async () => {
        try {
          let hint = stored;
          do {
            state.again = false;
            await processPending(sessionId, hint);
            hint = undefined;
          } while (state.again);
        } finally {
          running.delete(sessionId);
        }
      })();
      running.set(sessionId, state);
      return state.done;
    },
    forget(sessionId) {
      cache.delete(sessionId);
    },
    takeResult(eventId) {
      const result = results.get(eventId) ?? null;
      results.delete(eventId);
      return result;
    },
    useExecutor(next) {
      execute = next ?? directTurns;
    },
    streamReplies(eventId, streams) {
      live.set(eventId, streams);
      return () => {
        if (live.get(eventId) === streams) live.delete(eventId);
      };
    },
  };
}

function isDatabaseError(error: unknown): boolean {
  // pg errors carry a SQLSTATE `code`; connection failures are plain Errors from the driver.
  const e = error as { code?: unknown; message?: unknown };
  return (
    (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) ||
    /connect|terminat|ECONN|timeout/i.test(String(e?.message ?? ''))
  );
}
