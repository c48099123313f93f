import type pg from 'pg';
import type { Queryable } from './transaction.ts';

/** A write of one item and the same write of several items in one statement (one transaction). */
export interface GroupedWrite<I, O> {
  /** The write of one item: what a lone call sends, and what a failed group falls back to. */
  one(db: Queryable, item: I): Promise<O>;
  /** The write of several items in one statement, results in the items' order. */
  many(db: Queryable, items: readonly I[]): Promise<O[]>;
  /**
   * The order the items of a group are written in. Groups of two processes that lock the same
   * rows must lock them in one order, or they can deadlock.
   */
  order?: (a: I, b: I) => number;
  /** Most items in one statement (default 100). */
  maxGroup?: number;
}

/** An error PostgreSQL answered (pg's `DatabaseError`): the statement's transaction rolled back. */
function refusedByServer(error: unknown): boolean {
  return typeof (error as { severity?: unknown } | null)?.severity === 'string';
}

interface Waiting<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Group commit for one write on a pool. A call made while none of the pool's earlier calls is
 * being written goes at once, alone (a lone session waits for nothing); calls made while one is
 * being written wait for it and then go together, in one statement and one transaction.
 *
 * Why: a session event is two small writes (its inbox row, then its turn), and per write the
 * round trip, the statement's execution set-up and the transaction's commit cost more than the
 * rows. With many sessions, several writes are ready at once; sent together they share all three.
 * Each item is still atomic and durable as before: its caller hears of it only once the group's
 * transaction has committed, and nothing of a group is kept when PostgreSQL refuses one of its
 * items — the items are then written one by one, so an item fails only for its own reason.
 */
export function groupWrites<I, O>(
  write: GroupedWrite<I, O>,
): (pool: pg.Pool, item: I) => Promise<O> {
  const maxGroup = write.maxGroup ?? 100;
  // The queue belongs to the pool, whose connections the groups use; a pool ended takes it along.
  const queues = new WeakMap<pg.Pool, { waiting: Waiting<I, O>[]; busy: boolean }>();

  const send = async (pool: pg.Pool, group: Waiting<I, O>[]) => {
    if (group.length === 1) {
      const [only] = group as [Waiting<I, O>];
      return write.one(pool, only.item).then(only.resolve, only.reject);
    }
    if (write.order) group.sort((a, b) => write.order!(a.item, b.item));
    let results: O[];
    try {
      results = await write.many(
        pool,
        group.map((w) => w.item),
      );
    } catch (error) {
      // Without an answer from PostgreSQL (a lost connection) the group may have committed: its
      // items fail as a lone write would, and are not written again.
      if (!refusedByServer(error)) {
        for (const w of group) w.reject(error);
        return;
      }
      // One item's failure rolled the group back: each goes again alone, to fail for itself.
      await Promise.all(group.map((w) => write.one(pool, w.item).then(w.resolve, w.reject)));
      return;
    }
    group.forEach((w, i) => w.resolve(results[i] as O));
  };

  const pump = (pool: pg.Pool) => {
    const queue = queues.get(pool)!;
    if (queue.busy || queue.waiting.length === 0) return;
    queue.busy = true;
    void send(pool, queue.waiting.splice(0, maxGroup)).finally(() => {
      queue.busy = false;
      pump(pool);
    });
  };

  return (pool, item) =>
    new Promise<O>((resolve, reject) => {
      let queue = queues.get(pool);
      if (!queue) queues.set(pool, (queue = { waiting: [], busy: false }));
      queue.waiting.push({ item, resolve, reject });
      pump(pool);
    });
}
