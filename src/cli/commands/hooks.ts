import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { AppError } from '../../errors/app-error.ts';
import { projectRoot } from '../../paths.ts';
import { git, hooksDir } from '../hooks/git.ts';
import {
  installHooks,
  managedHooks,
  uninstallHooks,
  type HookChange,
} from '../hooks/hook-files.ts';
import { hookSettings, postCommit, prePush, projectChecks } from '../hooks/run-hook.ts';
import { fail, say } from '../output.ts';

interface InstallOptions {
  session?: string;
  dir: string;
  url?: string;
  check?: string[];
}

const show = (changes: HookChange[]) => {
  for (const c of changes) say(`${c.hook}: ${c.what} (${c.path})`);
};

function repoDir(dir: string): string {
  if (!existsSync(dir))
    throw new AppError('VALIDATION_ERROR', `--dir: no directory ${dir}`, { field: 'dir' });
  return resolve(dir);
}

/**
 * `mentorflow hooks install|uninstall`: git hooks that report the learner's work to a session —
 * post-commit posts a `commit` event (sha, diff hash, files), pre-push runs the project's checks
 * through `mentorflow report`.
 */
export function hooksCommand(): Command {
  const hooks = new Command('hooks').description(
    'git hooks that report commits (post-commit) and checks (pre-push) to a session',
  );
  hooks
    .command('install')
    .description('write the post-commit and pre-push hooks (existing hooks are kept and run first)')
    .option('--session <id>', 'the session to report to (stored as git config mentorflow.session)')
    .option('--dir <dir>', 'the repository', '.')
    .option(
      '--url <url>',
      'report to a running server (key from MENTORFLOW_API_KEY when the hook runs)',
    )
    .option(
      '--check <command>',
      'a check pre-push runs, repeatable (default: the typecheck, lint, test and build scripts)',
      (value: string, all: string[] = []) => [...all, value],
    )
    .action((options: InstallOptions) => {
      try {
        const dir = repoDir(options.dir);
        const hooksPath = hooksDir(dir);
        if (options.url && !/^https?:\/\//.test(options.url))
          throw new AppError('VALIDATION_ERROR', '--url: expected an http(s) URL', {
            field: 'url',
          });
        if (options.session) git(dir, ['config', 'mentorflow.session', options.session]);
        if (options.url) git(dir, ['config', 'mentorflow.url', options.url]);
        if (options.check?.length) {
          // A new list replaces the old one; unset fails (exit 5) when there was none.
          try {
            git(dir, ['config', '--unset-all', 'mentorflow.check']);
          } catch {}
          for (const check of options.check)
            git(dir, ['config', '--add', 'mentorflow.check', check]);
        }
        show(installHooks(hooksPath, process.execPath, join(projectRoot, 'bin', 'mentorflow.js')));
        const checks = projectChecks(git(dir, ['rev-parse', '--show-toplevel']));
        say(`pre-push runs: ${checks.join('; ') || '(no checks found)'}`);
      } catch (error) {
        fail(error);
      }
    });
  hooks
    .command('uninstall')
    .description('remove the hooks and put back the ones they chained')
    .option('--dir <dir>', 'the repository', '.')
    .action((options: { dir: string }) => {
      try {
        show(uninstallHooks(hooksDir(repoDir(options.dir))));
      } catch (error) {
        fail(error);
      }
    });
  hooks
    .command('run', { hidden: true })
    .description('what an installed hook runs')
    .argument('<hook>', managedHooks.join(' | '))
    .action(async (hook: string) => {
      try {
        process.env.LOG_LEVEL ??= 'warn';
        const settings = hookSettings(process.cwd());
        if (hook === 'post-commit') process.exitCode = await postCommit(settings);
        else if (hook === 'pre-push') process.exitCode = await prePush(settings);
        else
          throw new AppError('VALIDATION_ERROR', `hook: expected ${managedHooks.join(' or ')}`, {
            field: 'hook',
          });
      } catch (error) {
        fail(error);
      }
    });
  return hooks;
}
