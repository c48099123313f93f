/**
 * `mentorflow report -- <command…>`: which tool the learner's command runs, and the same command
 * asking that tool for its machine-readable report (vitest/jest JSON, `tsc --pretty false`,
 * ESLint JSON, `npm audit --json`, a coverage json-summary). npm/pnpm/yarn scripts are looked up in
 * package.json, so `npm test` whose script is `vitest run` is reported as vitest.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The tools `report` knows; anything else is reported as a build (its exit code decides). */
export type ToolKind = 'vitest' | 'jest' | 'tsc' | 'eslint' | 'npm-audit' | 'build';

export interface ToolPlan {
  readonly tool: ToolKind;
  /** The command to run: the learner's, plus the reporter flags. */
  readonly argv: readonly string[];
  /** Where the tool writes its JSON report (vitest, jest, eslint), if it writes one. */
  readonly reportFile?: string;
  /** Where a coverage json-summary will be, when the command asked for coverage. */
  readonly coverageFile?: string;
  /** The tool prints JSON instead of text (eslint, npm audit): `report` prints a summary instead. */
  readonly quietOutput: boolean;
}

const runners = new Set(['npm', 'pnpm', 'yarn']);
const execs = new Set(['npx', 'pnpx', 'bunx']);
const shellSyntax = /&&|\|\||[;|<>`$]/;

/** The tool a single word names (`node_modules/.bin/vitest` → vitest). */
function toolOf(word: string | undefined): ToolKind | null {
  const name = basename(word ?? '').replace(/\.(?:c?m?js|cmd)$/, '');
  if (name === 'vitest') return 'vitest';
  if (name === 'jest') return 'jest';
  if (name === 'tsc' || name === 'vue-tsc') return 'tsc';
  if (name === 'eslint') return 'eslint';
  return null;
}

function scriptText(cwd: string, name: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    return pkg.scripts?.[name];
  } catch {
    return undefined;
  }
}

/** `npm test`, `npm run x`, `pnpm x`, `yarn x` → the script's name. */
function scriptName(argv: readonly string[]): { name: string; rest: number } | null {
  const [runner, first, second] = argv;
  if (!runner || !runners.has(basename(runner)) || !first) return null;
  if (first === 'run' || first === 'run-script') return second ? { name: second, rest: 3 } : null;
  if (first === 'test' || first === 't') return { name: 'test', rest: 2 };
  if (basename(runner) !== 'npm' && !first.startsWith('-')) return { name: first, rest: 2 };
  return null;
}

/**
 * The tool behind the command and where its own arguments start: a direct call, `npx tool`, or a
 * package script made of one plain command (a script chaining commands is a build).
 */
function locate(
  argv: readonly string[],
  cwd: string,
): { tool: ToolKind; viaScript: boolean; words: readonly string[] } {
  const direct = toolOf(argv[0]);
  if (direct) return { tool: direct, viaScript: false, words: argv };
  // `node node_modules/vitest/vitest.mjs run`: the script names the tool.
  if (/^node(?:\.exe)?$/.test(basename(argv[0] ?? ''))) {
    const tool = toolOf(argv[1]);
    if (tool) return { tool, viaScript: false, words: argv };
  }
  if (execs.has(basename(argv[0] ?? ''))) {
    const tool = toolOf(argv.find((w, i) => i > 0 && !w.startsWith('-')));
    if (tool) return { tool, viaScript: false, words: argv };
  }
  if (basename(argv[0] ?? '') === 'npm' && argv[1] === 'audit')
    return { tool: 'npm-audit', viaScript: false, words: argv };
  const script = scriptName(argv);
  if (script) {
    const text = scriptText(cwd, script.name);
    if (text && !shellSyntax.test(text)) {
      const words = text
        .trim()
        .split(/\s+/)
        .filter((w) => !/^\w+=/.test(w));
      const tool = toolOf(execs.has(words[0] ?? '') ? words[1] : words[0]);
      // The script's words and the ones added on the command line both reach the tool.
      if (tool) return { tool, viaScript: true, words: [...words, ...argv.slice(script.rest)] };
    }
  }
  return { tool: 'build', viaScript: false, words: argv };
}

const has = (argv: readonly string[], ...flags: string[]) =>
  argv.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`) || w.startsWith(`${f}.`)));

/** The value of `--flag value` or `--flag=value`. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i]!.startsWith(`${flag}=`)) return argv[i]!.slice(flag.length + 1);
  }
  return undefined;
}

/** Drops `-f x` / `--format x` / `--format=x` (ESLint prints one format; `report` needs JSON). */
function withoutFormat(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '-f' || w === '--format' || w === '-o' || w === '--output-file') i++;
    else if (!w.startsWith('--format=') && !w.startsWith('--output-file=')) out.push(w);
  }
  return out;
}

/**
 * Plans the run: the learner's command with the reporter flags added (after `--` for npm/pnpm
 * scripts). `dir` is a temporary directory for the report files.
 */
export function planCommand(argv: readonly string[], cwd: string, dir: string): ToolPlan {
  const { tool, viaScript, words } = locate(argv, cwd);
  const runner = basename(argv[0] ?? '');
  // Flags for a script go after `--` (npm, pnpm); yarn passes them on as they are.
  const extend = (flags: string[]) =>
    viaScript && runner !== 'yarn' && !argv.includes('--')
      ? [...argv, '--', ...flags]
      : [...argv, ...flags];
  const reportFile = join(dir, `${tool}.json`);
  switch (tool) {
    case 'vitest': {
      const flags: string[] = [];
      // Once, not in watch mode: `report` needs the run to end.
      if (!words.includes('run') && !has(words, '--run', '--watch')) flags.push('--run');
      if (!has(words, '--reporter')) flags.push('--reporter=default');
      flags.push('--reporter=json', `--outputFile.json=${reportFile}`);
      const coverage = has(words, '--coverage');
      const coverageDir = flagValue(words, '--coverage.reportsDirectory') ?? join(cwd, 'coverage');
      if (coverage) flags.push('--coverage.reporter=text', '--coverage.reporter=json-summary');
      return {
        tool,
        argv: extend(flags),
        reportFile,
        ...(coverage ? { coverageFile: join(coverageDir, 'coverage-summary.json') } : {}),
        quietOutput: false,
      };
    }
    case 'jest': {
      const flags = ['--json', `--outputFile=${reportFile}`];
      const coverage = has(words, '--coverage');
      const coverageDir = flagValue(words, '--coverageDirectory') ?? join(cwd, 'coverage');
      if (coverage) flags.push('--coverageReporters=text', '--coverageReporters=json-summary');
      return {
        tool,
        argv: extend(flags),
        reportFile,
        ...(coverage ? { coverageFile: join(coverageDir, 'coverage-summary.json') } : {}),
        quietOutput: false,
      };
    }
    case 'tsc':
      return {
        tool,
        argv: has(words, '--pretty') ? [...argv] : extend(['--pretty', 'false']),
        quietOutput: false,
      };
    case 'eslint': {
      const base = viaScript ? [...argv] : withoutFormat(argv);
      const flags = ['--format', 'json', '--output-file', reportFile];
      return {
        tool,
        argv: viaScript && runner !== 'yarn' ? [...base, '--', ...flags] : [...base, ...flags],
        reportFile,
        quietOutput: true,
      };
    }
    case 'npm-audit':
      return {
        tool,
        argv: has(argv, '--json') ? [...argv] : [...argv, '--json'],
        quietOutput: true,
      };
    case 'build':
      return { tool, argv: [...argv], quietOutput: false };
  }
}
