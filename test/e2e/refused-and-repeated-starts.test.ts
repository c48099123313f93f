import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCheckOutput } from '../../workflows/system-check-workflow.ts';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';

/**
 * Starting workflows over HTTP when the request is refused or repeated: an Idempotency-Key re-used
 * with another body, inputs Mastra refuses (no row may stay behind), and the system check's own
 * output schema.
 */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
const env = { ...rulesMode, MENTORFLOW_API_KEYS: 'ops-key' };
const headers = { authorization: 'Bearer ops-key', 'content-type': 'application/json' };
const input = { request: 'Add a cart total', requirements: ['Sum the item prices'] };

let server: CliProcess & { url: string };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

beforeAll(async () => {
  server = await startServer(env);
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await pool.end();
});

async function post(path: string, body: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('POST /api/workflows/implementation with an Idempotency-Key', () => {
  it('returns the first run for the same body and answers 422 for another body', async () => {
    const key = { 'Idempotency-Key': 'ticket-e2e-1' };
    const first = await post('/workflows/implementation', input, key);
    expect(first.status).toBe(202);
    const again = await post('/workflows/implementation', input, key);
    expect(again).toMatchObject({ status: 202, body: { id: first.body.id, duplicate: true } });

    const otherBody = { ...input, requirements: ['Other'] };
    const other = await post('/workflows/implementation', otherBody, key);
    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      error: { code: 'UNPROCESSABLE', message: expect.any(String), field: 'idempotency-key' },
    });
    const { rows } = await pool.query(
      "select count(*)::int as n from implementation_runs where idempotency_key = 'ticket-e2e-1'",
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('POST /api/workflows/system-check/start-async', () => {
  it('returns a result that satisfies the workflow’s own output schema', async () => {
    const res = await post('/workflows/system-check/start-async', { inputData: {} });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('success');
    const result = systemCheckOutput.parse(res.body.result);
    expect(result.database.serverVersion).toMatch(/^\d+/);
  });

  it('leaves no snapshot row for a start refused for its input', async () => {
    const sql =
      "select count(*)::int as n from mastra_workflow_snapshot where workflow_name = 'system-check'";
    const rowsOf = async () => (await pool.query<{ n: number }>(sql)).rows[0]!.n;
    const before = await rowsOf();
    const bad = [42, 'x', [], null, true];
    const statuses: number[] = [];
    for (let batch = 0; batch < 120; batch += 8) {
      const sent = Array.from({ length: 8 }, (_, i) => bad[(batch + i) % bad.length]);
      const start = (v: unknown) => post('/workflows/system-check/start-async', { inputData: v });
      const answers = await Promise.all(sent.map(start));
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect(await rowsOf()).toBe(before);
  });
});
