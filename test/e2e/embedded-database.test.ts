import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/spawn-cli.ts';

/** The embedded path with no DATABASE_URL: first start (initdb), clean restart, and restart after SIGKILL. */
describe('embedded PostgreSQL', () => {
  // A data directory under a private (mode 700) parent, as in `mktemp -d` or /root: as root the server
  // runs as the postgres system user, which must still reach it.
  const privateParent = mkdtempSync(join(tmpdir(), 'mentorflow-embedded-'));
  const dataDir = join(privateParent, 'data');
  const env = { DATABASE_URL: undefined, DATA_DIR: dataDir };
  const embeddedUrl = () => {
    const state = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as {
      port: number;
      user: string;
      password: string;
      database: string;
    };
    return `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${state.database}`;
  };
  const query = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: embeddedUrl() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  afterAll(() => rmSync(privateParent, { recursive: true, force: true }));

  it('initialises on first start, keeps data across a clean restart and stops its server', async () => {
    const first = await startServer({ ...env, LOG_LEVEL: 'info' });
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    if (process.getuid?.() === 0)
      expect(first.output()).toContain(`granted search permission (o+x) on ${privateParent}`);
    expect(readFileSync(join(dataDir, 'embedded.json'), 'utf8')).not.toContain('"port": 5432');
    await query("insert into app_meta (key, value) values ('probe', '\"first\"')");
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // The postmaster is gone after a clean stop.
    await expect(query('select 1')).rejects.toThrow();

    const second = await startServer(env);
    expect(await (await fetch(`${second.url}/ready`)).json()).toEqual({
      status: 'ready',
      database: 'embedded',
    });
    expect(await query("select value from app_meta where key = 'probe'")).toEqual([
      { value: 'first' },
    ]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('adopts the orphaned postmaster after the app is SIGKILLed, with the data still there', async () => {
    const victim = await startServer(env);
    await query("insert into app_meta (key, value) values ('before-kill', '1')");
    victim.child.kill('SIGKILL');
    await victim.exited;
    // The database server outlived the app…
    expect(await query('select 1 as ok')).toEqual([{ ok: 1 }]);

    const revived = await startServer({ ...env, LOG_LEVEL: 'info' });
    expect(revived.output()).toMatch(/adopted running embedded PostgreSQL/);
    expect((await fetch(`${revived.url}/ready`)).status).toBe(200);
    expect(await query("select value from app_meta where key = 'before-kill'")).toEqual([
      { value: 1 },
    ]);
    revived.child.kill('SIGTERM');
    expect(await revived.exited).toBe(0);
    await expect(query('select 1')).rejects.toThrow();
  });
});
