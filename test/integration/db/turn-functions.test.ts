import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The SQL helpers of a turn's commit, written in migration 0009 for CPU (inlined, or with a plan
 * kept per connection): the values they give are those of 0008 and 0009.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
afterAll(() => pool.end());

const one = async (sql: string, values: unknown[] = []) =>
  (await pool.query<{ v: unknown }>(sql, values)).rows[0]!.v;

describe('commit helpers', () => {
  it('event_default_outcome: applied with transitions, else "<type> recorded"', async () => {
    expect(await one(`select event_default_outcome('commit', null) as v`)).toEqual({
      status: 'recorded',
      reason: 'commit recorded',
    });
    expect(await one(`select event_default_outcome('commit', '[{"to": "A"}]') as v`)).toEqual({
      status: 'applied',
    });
    expect(await one(`select event_default_outcome(null, null) as v`)).toEqual({
      status: 'recorded',
      reason: null,
    });
  });

  it('event_default_outcome is inlined into the queries that call it', async () => {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `explain verbose select event_default_outcome(t, null) from (select g::text from generate_series(1, 2) g) v(t)`,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('jsonb_object');
    expect(plan).not.toContain('event_default_outcome');
  });

  it('compact_turn leaves out empty members, zero tokens and fallback false', async () => {
    const turn = {
      actions: [],
      replies: [{ kind: 'message', text: 'hi' }],
      agentCalls: [
        { action: 'a', model: 'm', tokensIn: 0, tokensOut: 3, latencyMs: 1, fallback: false },
        { action: 'b', model: 'm', tokensIn: 2, tokensOut: 0, latencyMs: 0, fallback: true },
      ],
      tokensIn: 2,
      tokensOut: 3,
      latencyMs: 0,
      model: 'm',
      fallback: true,
    };
    expect(await one('select compact_turn($1::jsonb) as v', [JSON.stringify(turn)])).toEqual({
      replies: [{ kind: 'message', text: 'hi' }],
      agentCalls: [
        { action: 'a', model: 'm', tokensOut: 3, latencyMs: 1 },
        { action: 'b', model: 'm', tokensIn: 2, latencyMs: 0, fallback: true },
      ],
    });
    expect(await one(`select compact_turn('{"agentCalls": []}') as v`)).toEqual({});
  });
});
