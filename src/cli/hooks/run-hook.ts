/**
 * What the installed hooks do when git runs them (`mentorflow hooks run <hook>`): post-commit posts
 * a `commit` event for HEAD; pre-push runs the project's checks through `mentorflow report` and
 * fails the push when one fails. Session, server and checks come from git config (`mentorflow.*`,
 * written by `hooks install`) or the environment (MENTORFLOW_SESSION, MENTORFLOW_API_KEY).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatBackend } from '../chat/backend.ts';
import { httpBackend } from '../chat/http-backend.ts';
import { runReport } from '../report/run-report.ts';
import { commandWords } from '../report/command-words.ts';
import { git, gitConfig, gitConfigAll, headCommit } from './git.ts';

export interface HookSettings {
  readonly root: string;
  readonly sessionId: string | undefined;
  readonly url: string | undefined;
}

export function hookSettings(cwd: string): HookSettings {
  const root = git(cwd, ['rev-parse', '--show-toplevel']);
  return {
    root,
    sessionId: process.env.MENTORFLOW_SESSION || gitConfig(root, 'mentorflow.session'),
    url: gitConfig(root, 'mentorflow.url'),
  };
}

const scriptChecks = ['typecheck', 'lint', 'test', 'build'] as const;

/** The checks pre-push runs: `mentorflow.check` entries, else the package scripts that exist. */
export function projectChecks(root: string): string[] {
  const configured = gitConfigAll(root, 'mentorflow.check');
  if (configured.length) return configured;
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    return scriptChecks
      .filter((name) => pkg.scripts?.[name])
      .map((name) => (name === 'test' ? 'npm test' : `npm run ${name}`));
  } catch {
    return [];
  }
}

function backendFor(settings: HookSettings): () => Promise<ChatBackend> {
  return async () =>
    settings.url
      ? httpBackend(settings.url, process.env.MENTORFLOW_API_KEY)
      : (await import('../chat/local-backend.ts')).localBackend({ workers: false });
}

const say = (line: string) => process.stderr.write(`mentorflow: ${line}\n`);

/** post-commit: the commit, its diff hash and files, once per commit (the sha is the event id). */
export async function postCommit(settings: HookSettings): Promise<number> {
  if (!settings.sessionId) {
    say('no session to report the commit to (hooks install --session <id>, or MENTORFLOW_SESSION)');
    return 1;
  }
  const commit = headCommit(settings.root);
  const backend = await backendFor(settings)();
  try {
    const turn = await backend.sendEvent(settings.sessionId, {
      id: `commit:${commit.sha}`,
      type: 'commit',
      data: commit,
    });
    say(`commit ${commit.sha.slice(0, 7)} reported · state ${turn.session.state}`);
    for (const reply of turn.replies) process.stderr.write(`mentor> ${reply.text}\n`);
    return 0;
  } finally {
    await backend.close().catch(() => undefined);
  }
}

/** pre-push: each check through `report`; the push goes ahead only when every check passed. */
export async function prePush(settings: HookSettings): Promise<number> {
  if (!settings.sessionId) {
    say('no session: the checks are not reported (hooks install --session <id>)');
    return 0;
  }
  const checks = projectChecks(settings.root);
  if (!checks.length) say('no checks to run (git config --add mentorflow.check "<command>")');
  let failed = 0;
  for (const check of checks) {
    say(`pre-push: ${check}`);
    const outcome = await runReport({
      sessionId: settings.sessionId,
      command: commandWords(check),
      cwd: settings.root,
      backend: backendFor(settings),
      out: process.stderr,
      err: process.stderr,
      // git gives the hook the pushed refs on stdin (the hook script keeps them); checks get none.
      stdin: 'ignore',
    });
    if (outcome.exitCode !== 0) failed++;
  }
  if (failed)
    say(
      `${failed} of ${checks.length} checks failed: push stopped (git push --no-verify skips the checks)`,
    );
  return failed ? 1 : 0;
}
