import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, startServer, type CliProcess } from '../helpers/spawn-cli.ts';

describe('mentorflow start (external database, API keys on)', () => {
  let server: CliProcess & { url: string };
  const auth = { authorization: 'Bearer key-one' };

  beforeAll(async () => {
    server = await startServer({ MENTORFLOW_API_KEYS: 'key-one,key-two:learner-7' });
  });
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('answers /health without touching the database and /ready when it answers', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'external' });
  });

  it('serves Mastra standard routes only with a valid key', async () => {
    const without = await fetch(`${server.url}/api/workflows`);
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({
      error: { code: 'UNAUTHORIZED', field: 'authorization' },
    });

    const wrong = await fetch(`${server.url}/api/workflows`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);

    const ok = await fetch(`${server.url}/api/workflows`, { headers: auth });
    expect(ok.status).toBe(200);
    const workflows = (await ok.json()) as Record<string, { name: string }>;
    expect(Object.values(workflows).map((w) => w.name)).toContain('system-check');
  });

  it('runs a registered workflow through the standard API', async () => {
    const res = await fetch(`${server.url}/api/workflows/system-check/start-async`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ inputData: {} }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      result: { database: { kind: string }; schema: { pending: string[] } };
    };
    expect(body.status).toBe('success');
    expect(body.result.database.kind).toBe('external');
    expect(body.result.schema.pending).toEqual([]);
  });

  it('answers a malformed JSON body with 400 naming the body, and a schema failure with 400', async () => {
    const malformed = await fetch(`${server.url}/api/workflows/system-check/start-async`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"inputData": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'INVALID_JSON', field: 'body' },
    });

    const wrongShape = await fetch(`${server.url}/api/workflows/system-check/start-async`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ inputData: 42 }),
    });
    expect(wrongShape.status).toBe(400);
    expect(((await wrongShape.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('refuses an oversized body with 413', async () => {
    const res = await fetch(`${server.url}/api/workflows/system-check/start-async`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ inputData: {}, pad: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('exits 0 within 5 s of SIGTERM', async () => {
    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('mentorflow start refuses unsafe or invalid configuration', () => {
  it('will not bind a non-loopback host without API keys', async () => {
    const cli = spawnCli(['start'], { HOST: '0.0.0.0', PORT: '0', MENTORFLOW_API_KEYS: '' });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(
      /mentorflow: Invalid HOST: 0\.0\.0\.0 is not a loopback address and MENTORFLOW_API_KEYS is not set/,
    );
  });

  it('stops at an invalid variable with one line naming it', async () => {
    const cli = spawnCli(['start'], { PORT: 'http' });
    expect(await cli.exited).toBe(1);
    expect(cli.output().trim()).toBe(
      'mentorflow: Invalid PORT: expected an integer port between 0 and 65535 (got "http")',
    );
  });

  it('db status names the database, its server version and its migration level', async () => {
    const cli = spawnCli(['db', 'status', '--json']);
    expect(await cli.exited).toBe(0);
    const json = cli.output().slice(cli.output().indexOf('{'));
    type Report = {
      database: string;
      serverVersion: string;
      pending: string[];
      migrationLevel: number;
    };
    const report = JSON.parse(json) as Report;
    expect(report.database).toBe('external');
    expect(report.serverVersion).toMatch(/^\d+(\.\d+)?/);
    expect(report.pending).toEqual([]);
    expect(report.migrationLevel).toBeGreaterThanOrEqual(1);

    const text = spawnCli(['db', 'status']);
    expect(await text.exited).toBe(0);
    expect(text.output()).toContain(`PostgreSQL ${report.serverVersion})`);
    expect(text.output()).not.toContain('undefined');
  });
});
