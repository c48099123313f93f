/**
 * The git hooks `mentorflow hooks install` writes: post-commit posts a `commit` event, pre-push runs
 * the project's checks through `mentorflow report`. A hook that was there before is kept, renamed
 * `<hook>.mentorflow-chained`, and run first; `uninstall` puts it back.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export const managedHooks = ['post-commit', 'pre-push'] as const;
export type ManagedHook = (typeof managedHooks)[number];

/** The line that marks a hook file as ours. */
export const HOOK_MARKER = '# mentorflow-hook';
const chainedName = (hook: ManagedHook) => `${hook}.mentorflow-chained`;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The hook's text. post-commit never fails the commit (it has happened); pre-push passes git's
 * ref lines on to the chained hook and fails the push when it or a check fails.
 */
export function hookScript(hook: ManagedHook, node: string, cli: string): string {
  const chained = `"$(dirname "$0")/${chainedName(hook)}"`;
  const run = `${quote(node)} ${quote(cli)} hooks run ${hook}`;
  if (hook === 'post-commit')
    return `#!/bin/sh
${HOOK_MARKER} (mentorflow hooks install; mentorflow hooks uninstall removes it)
if [ -x ${chained} ]; then ${chained} "$@"; fi
${run} || echo "mentorflow: the commit was not reported (see above)" >&2
exit 0
`;
  return `#!/bin/sh
${HOOK_MARKER} (mentorflow hooks install; mentorflow hooks uninstall removes it)
refs=$(cat)
if [ -x ${chained} ]; then printf '%s\\n' "$refs" | ${chained} "$@" || exit $?; fi
exec ${run}
`;
}

const isOurs = (path: string) =>
  existsSync(path) && readFileSync(path, 'utf8').includes(HOOK_MARKER);

export interface HookChange {
  readonly hook: ManagedHook;
  readonly path: string;
  /** installed | updated | kept-and-chained | removed | restored | absent */
  readonly what: string;
}

/** Writes both hooks; running it again only rewrites ours (an existing hook is chained once). */
export function installHooks(dir: string, node: string, cli: string): HookChange[] {
  mkdirSync(dir, { recursive: true });
  return managedHooks.map((hook) => {
    const path = join(dir, hook);
    let what = 'installed';
    if (isOurs(path)) what = 'updated';
    else if (existsSync(path)) {
      renameSync(path, join(dir, chainedName(hook)));
      what = `installed; the existing hook runs first (${chainedName(hook)})`;
    }
    writeFileSync(path, hookScript(hook, node, cli));
    chmodSync(path, 0o755);
    return { hook, path, what };
  });
}

/** Removes our hooks and puts back the ones they chained. Hooks that are not ours stay untouched. */
export function uninstallHooks(dir: string): HookChange[] {
  return managedHooks.map((hook) => {
    const path = join(dir, hook);
    const chained = join(dir, chainedName(hook));
    if (!isOurs(path)) return { hook, path, what: existsSync(path) ? 'not ours: left' : 'absent' };
    rmSync(path);
    if (existsSync(chained)) {
      renameSync(chained, path);
      return { hook, path, what: 'removed; the earlier hook is back' };
    }
    return { hook, path, what: 'removed' };
  });
}
