import { afterAll, describe, expect, it } from 'vitest';
import { insertInboxEvents } from '../../../src/db/sessions/insert-inbox-events.ts';
import { commitSessionTurns } from '../../../src/db/sessions/commit-session-turns.ts';
import { storeEvent, validateEvent } from '../../../src/sessions/ingest.ts';
import { commitTurn } from '../../../src/sessions/store/commit.ts';
import { selectSession } from '../../../src/sessions/store/session-store.ts';
import { computeTurn } from '../../../src/sessions/turn/compute-turn.ts';
import { defaultAgentPort } from '../../../src/sessions/agent-port.ts';
import { testService } from '../sessions/fixtures/db.ts';
import { cartStory } from '../sessions/fixtures/story.ts';

/**
 * Group commit (src/db/group-writes.ts) on PostgreSQL: events and turns of several sessions
 * arriving together are written by one statement each, with the results each would have alone.
 */
const { pool, service } = testService({ turns: 'direct' });
afterAll(() => pool.end());

/** Counts the statements of each name sent on the pool while `fn` runs. */
async function statements<T>(fn: () => Promise<T>): Promise<{ result: T; names: string[] }> {
  const names: string[] = [];
  const query = pool.query.bind(pool);
  pool.query = ((config: unknown, ...rest: unknown[]) => {
    const name = (config as { name?: string })?.name;
    if (name) names.push(name);
    return (query as (...a: unknown[]) => unknown)(config, ...rest);
  }) as typeof pool.query;
  try {
    return { result: await fn(), names };
  } finally {
    pool.query = query;
  }
}

const sessions = async (n: number) =>
  Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const { session } = await service.createSession({ learnerId: `g${i}`, story: cartStory });
      return session.id;
    }),
  );

const message = (id: string, text: string) => ({ id, type: 'learner-message', data: { text } });

describe('grouped inbox inserts', () => {
  it('store concurrent events of several sessions together, numbered in each session as sent', async () => {
    const ids = await sessions(4);
    const sends = ids.flatMap((sessionId, s) =>
      [0, 1, 2].map((k) =>
        storeEvent(
          pool,
          sessionId,
          validateEvent(sessionId, 'story', message(`e-${s}-${k}`, `message ${k}`)),
          'client',
        ),
      ),
    );
    const { result, names } = await statements(() => Promise.all(sends));
    expect(names).toContain('insert-inbox-events'); // grouped: fewer statements than events
    expect(names.length).toBeLessThan(12);
    for (const [s, sessionId] of ids.entries()) {
      const mine = result.slice(s * 3, s * 3 + 3);
      const first = mine[0]!.stored.seq;
      expect(mine.map((r) => r.stored.seq)).toEqual([first, first + 1, first + 2]);
      expect(mine.map((r) => r.duplicate)).toEqual([false, false, false]);
      const { rows } = await pool.query(
        `select seq, idempotency_key, payload from session_events
         where session_id = $1 and idempotency_key like 'e-%' order by seq`,
        [sessionId],
      );
      expect(rows).toEqual(
        [0, 1, 2].map((k) => ({
          seq: String(first + k),
          idempotency_key: `e-${s}-${k}`,
          payload: { text: `message ${k}` },
        })),
      );
    }
  });

  it('a key repeated within a group stores the event once and returns the earlier one', async () => {
    const [a, b] = await sessions(2);
    const send = (sessionId: string, id: string, text: string) =>
      storeEvent(pool, sessionId, validateEvent(sessionId, 'story', message(id, text)), 'client');
    const first = send(a!, 'x', 'one'); // written alone; the rest wait and go together
    const rest = [send(a!, 'same', 'two'), send(b!, 'y', 'three'), send(a!, 'same', 'two')];
    const results = await Promise.all([first, ...rest]);
    expect(results.map((r) => r.duplicate)).toEqual([false, false, false, true]);
    expect(results[3]!.stored.id).toBe(results[1]!.stored.id);
    const { rows } = await pool.query(
      `select count(*)::int as n from session_events where session_id = $1 and idempotency_key in ('x', 'same')`,
      [a],
    );
    expect(rows[0].n).toBe(2);
  });

  it('insert_inbox_events: null for a session that does not exist, the others stored', async () => {
    const [a] = await sessions(1);
    const event = (sessionId: string, key: string) => ({
      sessionId,
      eventId: crypto.randomUUID(),
      key,
      type: 'learner-message',
      data: { text: key },
      source: 'client' as const,
    });
    const results = await insertInboxEvents(pool, [
      event(a!, 'k1'),
      event(crypto.randomUUID(), 'k2'),
      event(a!, 'k3'),
    ]);
    expect(results[1]).toBeNull();
    expect(results[2]!.seq).toBe(results[0]!.seq + 1);
  });
});

/** A restatement stored in the session's inbox and its turn computed, not committed. */
async function restatementTurn(sessionId: string) {
  const { stored } = await storeEvent(
    pool,
    sessionId,
    validateEvent(sessionId, 'story', message('r', 'I restate the story')),
    'client',
  );
  const record = (await selectSession(pool, sessionId))!;
  return computeTurn(record, stored, { pool, agents: defaultAgentPort, timeScale: 1, recent: [] });
}

describe('grouped turn commits', () => {
  it('commit turns of several sessions in one statement, each as alone', async () => {
    const ids = await sessions(3);
    const turns = await Promise.all(ids.map(restatementTurn));
    const stale = { ...turns[1]!.commit, version: turns[1]!.commit.version + 5 };
    const results = await commitSessionTurns(pool, [turns[0]!.commit, stale, turns[2]!.commit]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'conflict', 'ok']);
    for (const [i, sessionId] of ids.entries()) {
      const { rows } = await pool.query(
        `select processed_at is not null as done from session_events
         where session_id = $1 and idempotency_key = 'r'`,
        [sessionId],
      );
      expect(rows[0].done).toBe(i !== 1);
    }
    // The stale one, committed again as computed, goes through.
    expect((await commitTurn(pool, turns[1]!.commit)).status).toBe('ok');
  });

  it('a commit that raises fails alone; the others of its group are committed', async () => {
    const ids = await sessions(3);
    const turns = await Promise.all(ids.map(restatementTurn));
    // A session row whose state is not a text the column takes: its commit raises in PostgreSQL.
    const broken = {
      ...turns[1]!.commit,
      session: { ...turns[1]!.commit.session!, enteredAt: 'not a time' },
    };
    const { result, names } = await statements(() =>
      Promise.all([
        commitTurn(pool, turns[0]!.commit),
        commitTurn(pool, broken).catch((e: Error) => e),
        commitTurn(pool, turns[2]!.commit),
      ]),
    );
    expect(names).toContain('commit-session-turns');
    expect((result[0] as { status: string }).status).toBe('ok');
    expect(result[1]).toBeInstanceOf(Error);
    expect((result[2] as { status: string }).status).toBe('ok');
  });
});
