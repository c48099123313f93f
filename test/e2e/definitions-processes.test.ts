import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { type Receiver, startReceiver } from '../integration/definitions/support/app.ts';
import { apiClient, pollUntil } from './support/api-client.ts';

/*
 * Several real `mentorflow start` processes on one database: a saga finished exactly once by a
 * survivor after the process running it is SIGKILLed mid-compensation, and a cron schedule that
 * fires once per fire time although two processes tick it.
 */

const env = {
  MODEL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  // Leases of 1.5 s; a once-a-minute schedule fires every 0.6 s.
  TIME_SCALE: '0.01',
  MENTORFLOW_API_KEYS: 'ops-key',
};
const servers: (CliProcess & { url: string })[] = [];
const receivers: Receiver[] = [];
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const r of receivers) await r.close();
  await pool.end();
});

async function server() {
  const s = await startServer(env);
  servers.push(s);
  return { process: s, api: apiClient(s.url, 'ops-key') };
}

describe('user-defined workflows across processes', () => {
  it('saga: SIGKILL during compensation → a survivor finishes it, each compensation applied once, in order', async () => {
    let killed: () => void = () => undefined;
    const compensating = new Promise<void>((r) => {
      killed = r;
    });
    // The stand-in API applies a request once per Idempotency-Key, as an idempotent API does.
    const applied: string[] = [];
    const seenKeys = new Set<string>();
    const api = await startReceiver(async (call, index) => {
      const key = String(call.headers['idempotency-key']);
      if (call.path === '/step3') return { status: 400, body: { error: 'refused' } };
      if (!seenKeys.has(key)) {
        seenKeys.add(key);
        applied.push(`${call.method} ${call.path}`);
      }
      // The first compensation holds its answer: its process is killed while it waits.
      if (call.method === 'DELETE' && index === 3) {
        killed();
        await new Promise(() => undefined);
      }
      return { status: 200, body: { ok: true } };
    });
    receivers.push(api);
    const first = await server();
    const created = await first.api.post('/workflow-definitions', {
      id: 'saga-crash',
      steps: [1, 2, 3, 4].map((n) => ({
        id: `step${n}`,
        kind: 'http',
        method: 'POST',
        url: `${api.url}/step${n}`,
        compensation: `undo${n}`,
        ...(n === 3 ? { onError: { strategy: 'compensate' } } : {}),
      })),
      compensations: [1, 2, 3, 4].map((n) => ({
        id: `undo${n}`,
        kind: 'http',
        method: 'DELETE',
        url: `${api.url}/undo-{{ payload.step }}`,
      })),
    });
    expect(created.status).toBe(201);
    const { id } = (await first.api.post('/workflow-definitions/saga-crash/runs', {})).body;
    await compensating;
    first.process.child.kill('SIGKILL');
    await first.process.exited;
    const before = (await pool.query('select status from workflow_runs where id = $1', [id]))
      .rows[0];
    expect(before.status).toBe('compensating');

    const survivor = await server();
    const done = await pollUntil(
      async () => (await survivor.api.get(`/workflow-runs/${id}`)).body,
      (r) => r.status === 'failed',
      20_000,
    );
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ step: 'step3', compensation: { failed: 0 } });
    expect(done.compensations).toEqual([
      expect.objectContaining({ step: 'step2', status: 'done' }),
      expect.objectContaining({ step: 'step1', status: 'done' }),
    ]);
    expect(applied).toEqual([
      'POST /step1',
      'POST /step2',
      'DELETE /undo-step2',
      'DELETE /undo-step1',
    ]);
    // undo-step2 was sent again by the survivor under the same key; undo-step1 once.
    const deletes = api.calls.filter((c) => c.method === 'DELETE');
    expect(deletes.map((c) => c.path)).toEqual(['/undo-step2', '/undo-step2', '/undo-step1']);
    expect(new Set(deletes.slice(0, 2).map((c) => c.headers['idempotency-key'])).size).toBe(1);
  });

  it('a cron schedule with scaled time fires once per fire time across two processes', async () => {
    const a = await server();
    const b = await server();
    const created = await a.api.post('/workflow-definitions', {
      id: 'every-minute',
      triggers: [{ type: 'cron', cron: '* * * * *', input: { from: 'cron' } }],
      steps: [{ id: 'tick', kind: 'set', output: '{{ input.from }}' }],
    });
    expect(created.status).toBe(201);
    const runs = async () =>
      (
        await pool.query<{ trigger: { fireAt: string; firedBy: string }; status: string }>(
          `select trigger, status from workflow_runs where definition_id = 'every-minute' order by created_at`,
        )
      ).rows;
    const seen = await pollUntil(runs, (r) => r.length >= 5, 20_000);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    a.process.child.kill('SIGKILL');
    b.process.child.kill('SIGKILL');
    await Promise.all([a.process.exited, b.process.exited]);
    const all = await runs();
    const fireTimes = all.map((r) => r.trigger.fireAt);
    expect(new Set(fireTimes).size).toBe(fireTimes.length);
    const fires = await pool.query<{ n: number }>(
      `select count(*)::int as n from workflow_schedule_fires f
         join workflow_schedules s on s.id = f.schedule_id where s.definition_id = 'every-minute'`,
    );
    expect(fires.rows[0]!.n).toBe(all.length);
    // Consecutive minutes of the schedule's (scaled) clock: none fired twice, none skipped.
    const minutes = fireTimes.map((t) => Date.parse(t) / 60_000).sort((x, y) => x - y);
    expect(minutes.slice(1).map((m, i) => m - minutes[i]!)).toEqual(minutes.slice(1).map(() => 1));
    const byProcess = new Map<string, number>();
    for (const r of all)
      byProcess.set(r.trigger.firedBy, (byProcess.get(r.trigger.firedBy) ?? 0) + 1);
    console.log(
      `cron: ${all.length} fires, by process: ${JSON.stringify([...byProcess.values()])}`,
    );
  });
});
