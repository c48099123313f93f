import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { freePort, repoRoot, spawnCli, startServer } from '../helpers/spawn-cli.ts';
import { apiClient } from './support/api-client.ts';
import { cartStory } from './support/cart-story.ts';

/**
 * `mentorflow report -- <command>` on a tiny project of its own, with the real tools: the learner's
 * command runs, its output is shown, and what it reported reaches the session as an event.
 */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TIME_SCALE: '1' };
const { createApp } = await import('../../src/app.ts');
const app = await createApp(loadConfig({ ...process.env, ...rulesMode }));
let project: string;
/** npm, npx and the tools they start find the Node running the tests first. */
const env = { ...rulesMode, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` };

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'mentorflow-report-project-'));
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'tiny',
      private: true,
      type: 'module',
      scripts: { test: 'vitest run' },
    }),
    'vitest.config.js': 'export default {};\n',
    'cart.test.js': [
      "import { expect, test } from 'vitest';",
      'const total = (items) => items.reduce((sum, i) => sum + i.price, 1);',
      "test('an empty cart totals zero', () => expect(total([])).toBe(0));",
      "test('a total is a number', () => expect(typeof total([])).toBe('number'));",
      '',
    ].join('\n'),
    'total.ts': 'export const total: number = "zero";\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
});
afterAll(async () => {
  rmSync(project, { recursive: true, force: true });
  await app.close();
});

async function report(args: string[]) {
  const cli = spawnCli(['report', ...args], env);
  cli.child.stdin!.end();
  const code = await cli.exited;
  // The tools colour their output when they like; the assertions read the text.
  return { code, output: cli.output().replace(/\x1b\[[0-9;]*m/g, '') };
}

describe('mentorflow report, in-process', () => {
  it('runs a failing vitest run (npm test) and posts a test-run naming the failing test', async () => {
    const { session } = await app.sessions.createSession({
      learnerId: 'ana',
      story: { ...cartStory, complexity: 'simple' },
    });
    const { code, output } = await report([
      '--session',
      session.id,
      '--cwd',
      project,
      '--',
      'npm',
      'test',
    ]);
    // The command's own exit code, and its own output shown as it ran.
    expect(code, output).toBe(1);
    expect(output).toMatch(/an empty cart totals zero/);
    expect(output).toMatch(/AssertionError: expected 1 to be \+0/);
    expect(output).toMatch(/mentorflow: test-run: 1 of 2 tests failed: an empty cart totals zero/);
    const events = (await app.sessions.listEvents(session.id)).filter((e) => e.type === 'test-run');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ total: 2, passed: 1, failed: 1 });
    const failures = events[0]!.data.failures as { name: string; file?: string; message: string }[];
    expect(failures).toHaveLength(1);
    expect(failures[0]!.name).toMatch(/an empty cart totals zero/);
    expect(failures[0]!.file).toMatch(/cart\.test\.js$/);
    expect(failures[0]!.message).toMatch(/expected 1 to be \+?0/);
  }, 60_000);

  it('posts every run, even one whose output is the same as the last (a clean check prints the same each time)', async () => {
    const { session } = await app.sessions.createSession({
      learnerId: 'ana',
      story: { ...cartStory, complexity: 'simple' },
    });
    const build = ['--', process.execPath, '-e', "console.log('built in 1s')"];
    for (let run = 0; run < 2; run++) {
      const { code, output } = await report(['--session', session.id, ...build]);
      expect(code, output).toBe(0);
      expect(output).toMatch(/mentorflow: build: the command succeeded/);
    }
    // Two runs, two events: the second is not dropped as a duplicate of the first.
    const events = (await app.sessions.listEvents(session.id)).filter((e) => e.type === 'build');
    expect(events).toHaveLength(2);
    expect(events[0]!.idempotencyKey).not.toBe(events[1]!.idempotencyKey);
  }, 60_000);

  it('says what is wrong and exits non-zero: no command, an unknown session (the command still runs)', async () => {
    const none = await report(['--session', '00000000-0000-4000-8000-000000000000']);
    expect(none.code).not.toBe(0);
    expect(none.output).toMatch(/missing required argument 'command'/);

    const unknown = await report([
      '--session',
      '00000000-0000-4000-8000-000000000000',
      '--',
      process.execPath,
      '-e',
      "console.log('the build printed this')",
    ]);
    expect(unknown.output).toMatch(/the build printed this/);
    expect(unknown.output).toMatch(/could not post the report: .*not found/i);
    // 75 (EX_TEMPFAIL): the command passed but nothing was posted; never tsc's own 2.
    expect(unknown.code).toBe(75);

    const noSession = spawnCli(['report', '--', process.execPath, '-e', "console.log('ran')"], {
      ...env,
      MENTORFLOW_SESSION: '',
    });
    noSession.child.stdin!.end();
    expect(await noSession.exited).toBe(64);
    expect(noSession.output()).toMatch(/give --session <id>/);
    expect(noSession.output()).not.toMatch(/^ran$/m);

    const help = await report(['--help']);
    expect(help.output).toMatch(/75 when the command passed but nothing could be posted/);

    const missing = await report(['--session', 'x', '--', 'no-such-command-mentorflow']);
    expect(missing.output).toMatch(/no-such-command-mentorflow: command not found/);
    expect(missing.code).toBe(127);
  }, 60_000);
});

describe('mentorflow report --url', () => {
  it('posts tsc errors to a running server with the key, and says when the server is unreachable', async () => {
    const server = await startServer({ ...rulesMode, MENTORFLOW_API_KEYS: 'admin-key' });
    try {
      const admin = apiClient(server.url, 'admin-key');
      const created = await admin.post('/sessions', { learnerId: 'bo', story: cartStory });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const tsc = [process.execPath, 'node_modules/typescript/bin/tsc', '--noEmit', 'total.ts'];
      const args = ['--session', id, '--cwd', project, '--url', server.url];
      const posted = await report([...args, '--key', 'admin-key', '--', ...tsc]);
      // tsc exits 2 on type errors; report passes that on.
      expect(posted.code, posted.output).toBe(2);
      expect(posted.output).toMatch(/total\.ts\(1,14\): error TS2322/);
      expect(posted.output).toMatch(
        /mentorflow: typecheck: 1 type error, first total\.ts:1 TS2322/,
      );
      const inbox = await admin.get(`/sessions/${id}/inbox`);
      type Stored = { type: string; data: { errorCount: number; errors: { code: string }[] } };
      const events = (inbox.body as { events: Stored[] }).events;
      const typecheck = events.filter((e) => e.type === 'typecheck');
      expect(typecheck).toHaveLength(1);
      expect(typecheck[0]!.data.errorCount).toBe(1);
      expect(typecheck[0]!.data.errors[0]).toMatchObject({ code: 'TS2322', file: 'total.ts' });

      const refused = await report([...args, '--key', 'wrong-key', '--', ...tsc]);
      expect(refused.output).toMatch(/could not post the report/);

      const port = await freePort();
      const args2 = ['--session', id, '--url', `http://127.0.0.1:${port}`];
      const down = await report([...args2, '--', process.execPath, '-e', "console.log('ok')"]);
      expect(down.output).toMatch(/^ok$/m);
      expect(down.output).toMatch(/could not post the report: cannot reach/);
      expect(down.code).toBe(75);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);
});
