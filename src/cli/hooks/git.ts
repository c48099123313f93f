import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../errors/app-error.ts';

/** Runs git in `dir` and returns its output without the final newline. */
export function git(dir: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).replace(/\n$/, '');
}

/** The repository's hooks directory (honours core.hooksPath); a clear error outside a repository. */
export function hooksDir(dir: string): string {
  let path: string;
  try {
    path = git(dir, ['rev-parse', '--git-path', 'hooks']);
  } catch {
    throw new AppError(
      'VALIDATION_ERROR',
      `--dir: ${resolve(dir)} is not inside a git repository`,
      {
        field: 'dir',
      },
    );
  }
  return isAbsolute(path) ? path : resolve(dir, path);
}

/** A git config value of the repository, or undefined. */
export function gitConfig(dir: string, key: string): string | undefined {
  try {
    return git(dir, ['config', '--get', key]) || undefined;
  } catch {
    return undefined;
  }
}

/** Every value of a multi-valued git config key. */
export function gitConfigAll(dir: string, key: string): string[] {
  try {
    return git(dir, ['config', '--get-all', key]).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** The `commit` event of HEAD: its sha, subject, tree, changed files and the hash of its diff. */
export function headCommit(dir: string): {
  sha: string;
  message: string;
  treeHash: string;
  diffHash: string;
  files: string[];
} {
  const sha = git(dir, ['rev-parse', 'HEAD']);
  // The patch alone (no header): the same change made twice has the same diff hash.
  const patch = git(dir, ['show', '--format=', '--no-color', '--no-ext-diff', sha]);
  return {
    sha,
    message: git(dir, ['log', '-1', '--format=%s', sha]).slice(0, 2000),
    treeHash: git(dir, ['rev-parse', `${sha}^{tree}`]),
    diffHash: createHash('sha256').update(patch).digest('hex'),
    files: git(dir, ['show', '--format=', '--name-only', sha])
      .split('\n')
      .filter(Boolean)
      .slice(0, 1000),
  };
}
