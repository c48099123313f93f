import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { spawnCli } from '../helpers/spawn-cli.ts';
import { cartStory } from './support/cart-story.ts';

/**
 * `mentorflow hooks install` on a real repository: a real `git commit` fires post-commit, which
 * posts the commit (sha, diff hash) to the session; a real `git push` fires pre-push, which runs the
 * checks through `mentorflow report` and stops the push when one fails. Hooks that were there first
 * keep running; uninstall puts them back.
 */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TIME_SCALE: '1' };
const { createApp } = await import('../../src/app.ts');
const app = await createApp(loadConfig({ ...process.env, ...rulesMode }));
const env = {
  ...process.env,
  ...rulesMode,
  LOG_LEVEL: 'warn',
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
  GIT_AUTHOR_NAME: 'Ana',
  GIT_AUTHOR_EMAIL: 'ana@example.test',
  GIT_COMMITTER_NAME: 'Ana',
  GIT_COMMITTER_EMAIL: 'ana@example.test',
};
let base: string;
let repo: string;
let remote: string;

const git = (...args: string[]) =>
  spawnSync('git', ['-C', repo, ...args], { env, encoding: 'utf8', timeout: 120_000 });
const ok = (...args: string[]) => {
  const r = git(...args);
  expect(r.status, `git ${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  return r;
};
async function cli(args: string[]) {
  const run = spawnCli(args, rulesMode);
  const code = await run.exited;
  return { code, output: run.output() };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'mentorflow-hooks-'));
  repo = join(base, 'work');
  remote = join(base, 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', remote]);
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  ok('remote', 'add', 'origin', remote);
  // The learner's own post-commit hook, there before mentorflow.
  const own = join(repo, '.git', 'hooks', 'post-commit');
  writeFileSync(own, `#!/bin/sh\necho "own hook ran" >> "${join(base, 'own-hook.log')}"\n`);
  chmodSync(own, 0o755);
});
afterAll(async () => {
  rmSync(base, { recursive: true, force: true });
  await app.close();
});

describe('mentorflow hooks', () => {
  it('reports a real commit and runs the checks on a real push; uninstall restores the old hook', async () => {
    const { session } = await app.sessions.createSession({
      learnerId: 'ana',
      story: { ...cartStory, complexity: 'simple' },
    });
    const failingCheck = `${process.execPath} -e "console.error('Error: the check failed'); process.exit(3)"`;
    const args = ['hooks', 'install', '--dir', repo, '--session', session.id];
    const installed = await cli([...args, '--check', failingCheck]);
    expect(installed.code, installed.output).toBe(0);
    expect(installed.output).toMatch(/post-commit: installed; the existing hook runs first/);
    // Installing again is harmless: our hooks are rewritten, the chained one stays the learner's.
    const again = await cli([...args, '--check', failingCheck]);
    expect(again.output).toMatch(/post-commit: updated/);
    expect(again.output).toMatch(/pre-push: updated/);
    const chained = readFileSync(join(repo, '.git/hooks/post-commit.mentorflow-chained'), 'utf8');
    expect(chained).toMatch(/own hook ran/);

    writeFileSync(join(repo, 'cart.js'), 'export const total = (items) => items.length;\n');
    ok('add', 'cart.js');
    const commit = ok('commit', '-q', '-m', 'Sum the cart');
    expect(commit.stderr).toMatch(/commit [0-9a-f]{7} reported/);
    const sha = ok('rev-parse', 'HEAD').stdout.trim();
    const patch = ok('show', '--format=', '--no-color', '--no-ext-diff', sha).stdout;
    const commits = (await app.sessions.listEvents(session.id)).filter((e) => e.type === 'commit');
    expect(commits).toHaveLength(1);
    expect(commits[0]!.data).toMatchObject({
      sha,
      message: 'Sum the cart',
      files: ['cart.js'],
      diffHash: createHash('sha256').update(patch.replace(/\n$/, '')).digest('hex'),
    });
    expect(readFileSync(join(base, 'own-hook.log'), 'utf8')).toBe('own hook ran\n');

    const push = git('push', '-q', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/pre-push: .* -e/);
    expect(push.stderr).toMatch(/1 of 1 checks failed: push stopped/);
    const builds = (await app.sessions.listEvents(session.id)).filter((e) => e.type === 'build');
    expect(builds).toHaveLength(1);
    expect(builds[0]!.data).toMatchObject({ success: false });
    expect(JSON.stringify(builds[0]!.data.errors)).toMatch(/the check failed/);

    const removed = await cli(['hooks', 'uninstall', '--dir', repo]);
    expect(removed.output).toMatch(/post-commit: removed; the earlier hook is back/);
    expect(removed.output).toMatch(/pre-push: removed \(/);
    expect(readFileSync(join(repo, '.git/hooks/post-commit'), 'utf8')).toMatch(/own hook ran/);
    expect(existsSync(join(repo, '.git/hooks/pre-push'))).toBe(false);
    // Without the hook, pushing works and nothing more reaches the session.
    const before = (await app.sessions.listEvents(session.id)).length;
    ok('push', '-q', 'origin', 'main');
    expect((await app.sessions.listEvents(session.id)).length).toBe(before);
  }, 180_000);

  it('refuses a directory that is not a repository', async () => {
    const outside = await cli(['hooks', 'install', '--dir', tmpdir(), '--session', 'x']);
    expect(outside.code).not.toBe(0);
    expect(outside.output).toMatch(/is not inside a git repository/);
  });
});
