import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, startServer, type CliProcess } from '../helpers/spawn-cli.ts';

/**
 * `npm start`, `mastra dev` (Studio) and the `mastra build` output are one product: the same routes,
 * the same auth, the same database under DATA_DIR (resolved from the project root whatever the
 * working directory), no data in the build, and no PostgreSQL left behind after Ctrl-C.
 */
describe('one server: npm start, mastra dev and the mastra build output', () => {
  const relativeDataDir = `.data/one-server-${process.pid}`;
  const dataDir = join(repoRoot, relativeDataDir);
  const mastraBin = join(repoRoot, 'node_modules', 'mastra', 'dist', 'index.js');
  const env = {
    DATABASE_URL: undefined,
    DATA_DIR: relativeDataDir,
    MENTORFLOW_API_KEYS: 'op-key,learner-key:learner-1',
    MASTRA_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'info',
  };
  const operator = { authorization: 'Bearer op-key', 'content-type': 'application/json' };
  let sessionId = '';

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const postmasterRunning = () =>
    spawnSync('pgrep', ['-f', `-D ${join(dataDir, 'pg')}`]).status === 0;

  it('serves the product from the mastra build output, started from another directory', async () => {
    const build = spawnSync(process.execPath, [mastraBin, 'build'], {
      cwd: repoRoot,
      env: { ...process.env, MASTRA_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const output = join(repoRoot, '.mastra', 'output');
    expect(dataFilesUnder(output)).toEqual([]);

    const port = await freePort();
    // Started from another directory: its database must still be the project's.
    const server = spawnIn(tmpdir(), [join(output, 'index.mjs')], { ...env, PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForReady(base, server);
      expect(existsSync(join(dataDir, 'embedded.json'))).toBe(true);
      await expectProductRoutes(base);
      const created = await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: operator,
        body: JSON.stringify({ learnerId: 'learner-1', story: sampleStory }),
      });
      expect(created.status).toBe(201);
      sessionId = ((await created.json()) as { id: string }).id;
      await expectImplementationRun(base);
    } finally {
      server.child.kill('SIGINT');
      await server.exited;
    }
    expect(postmasterRunning()).toBe(false);
  }, 300_000);

  it('serves the same routes on the same database under mastra dev, and stops its PostgreSQL on Ctrl-C', async () => {
    const port = await freePort();
    // Its own process group, so Ctrl-C reaches it and its server as in a terminal.
    const dev = spawnIn(repoRoot, [mastraBin, 'dev'], { ...env, PORT: String(port) }, true);
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForReady(base, dev);
      expect(existsSync(join(repoRoot, 'src', 'mastra', 'public', relativeDataDir))).toBe(false);
      const session = await fetch(`${base}/api/sessions/${sessionId}`, { headers: operator });
      expect(session.status).toBe(200);
      await expectProductRoutes(base);
    } finally {
      process.kill(-dev.child.pid!, 'SIGINT');
      await dev.exited;
    }
    await waitUntil(() => !postmasterRunning(), 10_000);
    expect(postmasterRunning()).toBe(false);
  }, 300_000);

  it('sees the same session through npm start', async () => {
    const server = await startServer(env);
    try {
      const session = await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: operator });
      expect(session.status).toBe(200);
      await expectProductRoutes(server.url);
    } finally {
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
    }
    expect(postmasterRunning()).toBe(false);
  }, 120_000);
});

const sampleStory = {
  title: 'Add pagination',
  description: 'Add page and limit query parameters to the list endpoint.',
  acceptanceCriteria: ['returns at most limit items'],
};

/** /ready, a product route and a Mastra route, each with and without a key. */
async function expectProductRoutes(base: string): Promise<void> {
  const ready = await fetch(`${base}/ready`);
  expect(await ready.json()).toEqual({ status: 'ready', database: 'embedded' });

  const anonymous = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ learnerId: 'learner-1', story: sampleStory }),
  });
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toMatchObject({
    error: { code: 'UNAUTHORIZED', field: 'authorization' },
  });

  expect((await fetch(`${base}/api/workflows`)).status).toBe(401);
  const workflows = await fetch(`${base}/api/workflows`, {
    headers: { authorization: 'Bearer op-key' },
  });
  expect(workflows.status).toBe(200);
  expect(Object.keys((await workflows.json()) as object).length).toBeGreaterThan(0);

  const malformed = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { authorization: 'Bearer op-key', 'content-type': 'application/json' },
    body: '{"learnerId":',
  });
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: { code: 'INVALID_JSON', field: 'body' } });

  // Studio's SSO callback is framework-public: no server middleware runs for it under `mastra dev`
  // or the built server, and Mastra used to answer a malformed `state` with 500.
  const callback = await fetch(`${base}/api/auth/sso/callback?code=x&state=a%7Cb%20c`, {
    redirect: 'manual',
  });
  expect(callback.status).toBeLessThan(500);
}

/** An implementation run through the product route, to completion (rules mode). */
async function expectImplementationRun(base: string): Promise<void> {
  const headers = { authorization: 'Bearer op-key', 'content-type': 'application/json' };
  const started = await fetch(`${base}/api/workflows/implementation`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ request: 'Add a password strength meter', requirements: ['score 0-4'] }),
  });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  let status = '';
  await waitUntil(async () => {
    const res = await fetch(`${base}/api/workflows/${id}/status`, { headers });
    status = ((await res.json()) as { status: string }).status;
    return status === 'completed' || status === 'failed';
  }, 60_000);
  expect(status).toBe('completed');
}

async function waitForReady(base: string, proc: Pick<CliProcess, 'output'>): Promise<void> {
  try {
    await waitUntil(
      async () => (await fetch(`${base}/ready`).catch(() => undefined))?.ok ?? false,
      150_000,
    );
  } catch {
    throw new Error(`server never became ready; output:\n${proc.output()}`);
  }
}

async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Files of a database under a directory (node_modules aside): the build must carry none. */
function dataFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (entry === '.data' || entry === 'embedded.json' || entry === 'PG_VERSION') found.push(path);
    else if (statSync(path).isDirectory()) found.push(...dataFilesUnder(path));
  }
  return found;
}

/** A Node process in `cwd` with `env` over this one's (undefined values removed), output collected. */
function spawnIn(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined>,
  detached = false,
): Pick<CliProcess, 'child' | 'output' | 'exited'> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, output: () => output, exited };
}
