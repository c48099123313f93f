import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { groupWrites } from '../../../src/db/group-writes.ts';

/**
 * The scheduling of group commit, on a write that records what it was sent (the SQL of each side
 * is tested on PostgreSQL in test/integration/db/grouped-writes.test.ts).
 */
function recorder(failOn?: number, lost = false) {
  const sent: number[][] = [];
  let release: () => void = () => undefined;
  const gate = () => new Promise<void>((r) => (release = r));
  let blocked: Promise<void> | undefined;
  const write = groupWrites<number, string>({
    one: async (_db, item) => {
      sent.push([item]);
      await blocked;
      if (item === failOn) throw new Error(`item ${item} fails`);
      return `one ${item}`;
    },
    many: async (_db, items) => {
      sent.push([...items]);
      await blocked;
      if (failOn !== undefined && items.includes(failOn))
        // As pg's DatabaseError: PostgreSQL refused the statement.
        throw Object.assign(new Error('the group fails'), { severity: 'ERROR', code: '22007' });
      if (lost) throw new Error('Connection terminated unexpectedly');
      return items.map((i) => `many ${i}`);
    },
    order: (a, b) => a - b,
    maxGroup: 3,
  });
  return {
    sent,
    write,
    block() {
      blocked = gate();
    },
    release() {
      blocked = undefined;
      release();
    },
  };
}

const pool = {} as pg.Pool;

describe('groupWrites', () => {
  it('sends a lone call at once, alone', async () => {
    const r = recorder();
    expect(await r.write(pool, 7)).toBe('one 7');
    expect(r.sent).toEqual([[7]]);
  });

  it('groups the calls made while one is written, in order, at most maxGroup together', async () => {
    const r = recorder();
    r.block();
    const first = r.write(pool, 9);
    const rest = [5, 8, 1, 4].map((i) => r.write(pool, i));
    expect(r.sent).toEqual([[9]]); // the others wait for the first
    r.release();
    expect(await Promise.all([first, ...rest])).toEqual([
      'one 9',
      'many 5',
      'many 8',
      'many 1',
      'one 4',
    ]);
    expect(r.sent).toEqual([[9], [1, 5, 8], [4]]);
  });

  it('keeps pools apart', async () => {
    const r = recorder();
    r.block();
    const a = r.write(pool, 1);
    const b = r.write({} as pg.Pool, 2);
    expect(r.sent).toEqual([[1], [2]]);
    r.release();
    expect(await Promise.all([a, b])).toEqual(['one 1', 'one 2']);
  });

  it('writes a failed group one by one: only the failing item fails', async () => {
    const r = recorder(3);
    r.block();
    const first = r.write(pool, 0);
    const group = [2, 3, 6].map((i) => r.write(pool, i).catch((e: Error) => e.message));
    r.release();
    expect(await Promise.all([first, ...group])).toEqual([
      'one 0',
      'one 2',
      'item 3 fails',
      'one 6',
    ]);
    expect(r.sent).toEqual([[0], [2, 3, 6], [2], [3], [6]]);
  });

  it('does not write a group again when the answer was lost: it may have committed', async () => {
    const r = recorder(undefined, true);
    r.block();
    const first = r.write(pool, 0);
    const group = [2, 6].map((i) => r.write(pool, i).catch((e: Error) => e.message));
    r.release();
    expect(await Promise.all([first, ...group])).toEqual([
      'one 0',
      'Connection terminated unexpectedly',
      'Connection terminated unexpectedly',
    ]);
    expect(r.sent).toEqual([[0], [2, 6]]);
  });

  it('goes on after a failure', async () => {
    const r = recorder(1);
    await expect(r.write(pool, 1)).rejects.toThrow('item 1 fails');
    expect(await r.write(pool, 2)).toBe('one 2');
  });
});
