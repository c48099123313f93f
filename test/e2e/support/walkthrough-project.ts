/**
 * The learner's project of the walk-through (walkthrough.test.ts): the pagination story solved in
 * plain TypeScript, its unit tests, a build script and the checks' configuration, as files to write
 * into a temporary directory. Two stand-ins, because the packages are not installed: a V8
 * line-coverage provider for vitest (coverage-provider.mjs: the worker records V8's precise
 * coverage of the src/ modules it ran, the run writes istanbul's json-summary) and a small linter
 * that writes ESLint's JSON format (eslint.mjs: `no-var`, `no-console`).
 */
export const walkthroughProject: Readonly<Record<string, string>> = {
  'package.json': `{
  "name": "books",
  "version": "1.0.0",
  "type": "module",
  "private": true,
  "scripts": {
    "build": "node build.mjs"
  }
}
`,
  'package-lock.json': `{
  "name": "books",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "books",
      "version": "1.0.0"
    }
  }
}
`,
  'vitest.config.mjs': `export default {
  test: { coverage: { provider: 'custom', customProviderModule: './coverage-provider.mjs' } },
};
`,
  'src/paginate.ts': `export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A positive integer query parameter, or the parameter's name when it is not one. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : name;
}

export function paginate<T>(sorted: T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: sorted.slice(start, start + pageSize), page, pageSize, total: sorted.length };
}

export function listBooks(
  books: { id: number; title: string }[],
  query: { page?: string; pageSize?: string },
): { status: number; body: unknown } {
  const page = positiveInt('page', query.page, 1);
  const size = positiveInt('pageSize', query.pageSize, 20);
  if (typeof page === 'string') return { status: 400, body: { error: \`\${page} must be a positive integer\` } };
  if (typeof size === 'string') return { status: 400, body: { error: \`\${size} must be a positive integer\` } };
  if (size > 100) return { status: 400, body: { error: 'pageSize must be at most 100' } };
  const sorted = [...books].sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id);
  return { status: 200, body: paginate(sorted, page, size) };
}
`,
  'test/paginate.test.ts': `import { expect, it } from 'vitest';
import { listBooks } from '../src/paginate.ts';

const books = Array.from({ length: 45 }, (_, i) => ({ id: i + 1, title: \`Book \${String(i % 30).padStart(2, '0')}\` }));
const items = (query: { page?: string; pageSize?: string }) =>
  (listBooks(books, query).body as { items: unknown[] }).items;

it('first page', () => expect(items({})).toHaveLength(20));
it('last partial page', () => expect(items({ page: '3' })).toHaveLength(5));
it('past the end', () => expect(items({ page: '4' })).toEqual([]));
it('ordered by title then id', () => {
  const [a, b] = items({ pageSize: '2' }) as { id: number; title: string }[];
  expect([a!.title, a!.id, b!.title, b!.id]).toEqual(['Book 00', 1, 'Book 00', 31]);
});
it('invalid page', () => expect(listBooks(books, { page: '0' })).toMatchObject({ status: 400, body: { error: 'page must be a positive integer' } }));
it('invalid pageSize', () => expect(listBooks(books, { pageSize: 'x' }).status).toBe(400));
it('pageSize above 100', () => expect(listBooks(books, { pageSize: '101' }).status).toBe(400));
`,
  'build.mjs': `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
mkdirSync('dist', { recursive: true });
writeFileSync('dist/paginate.ts', readFileSync('src/paginate.ts'));
console.log('built dist/paginate.ts');
`,
  'eslint.mjs': `// A tiny linter in ESLint's JSON format (ESLint is not installed): flags \`var\` and \`console.log\`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const args = process.argv.slice(2);
const out = args[args.indexOf('--output-file') + 1];
const dirs = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--output-file' && args[i - 1] !== '--format');
const results = [];
for (const dir of dirs) for (const name of readdirSync(dir)) {
  const filePath = resolve(join(dir, name));
  const messages = [];
  readFileSync(filePath, 'utf8').split('\\n').forEach((text, i) => {
    if (/\\bvar\\b/.test(text)) messages.push({ ruleId: 'no-var', severity: 2, message: 'Unexpected var, use let or const instead.', line: i + 1, column: text.indexOf('var') + 1 });
    if (/console\\.log/.test(text)) messages.push({ ruleId: 'no-console', severity: 2, message: 'Unexpected console statement.', line: i + 1, column: text.indexOf('console') + 1 });
  });
  const errorCount = messages.length;
  results.push({ filePath, messages, errorCount, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
}
writeFileSync(out, JSON.stringify(results));
process.exit(results.some((r) => r.errorCount) ? 1 : 0);
`,
  'coverage-provider.mjs': `// A small V8 line-coverage provider for vitest (vitest's own coverage packages are not installed
// here): the worker records V8's precise coverage of the project's src/ modules as they ran, and
// the run writes istanbul's json-summary (coverage/coverage-summary.json) and a text line.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { join, resolve } from 'node:path';

// The worker loads this module again per test file: the inspector session lives on globalThis.
const key = Symbol.for('v8-lines.session');
const post = (method, params) =>
  new Promise((ok, fail) =>
    globalThis[key].post(method, params, (e, r) => (e ? fail(e) : ok(r))),
  );

export async function startCoverage() {
  if (globalThis[key]) return;
  globalThis[key] = new inspector.Session();
  globalThis[key].connect();
  await post('Debugger.enable');
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
}

export async function takeCoverage() {
  const { result } = await post('Profiler.takePreciseCoverage');
  const scripts = [];
  for (const script of result) {
    if (!/\\/src\\/[^/]+\\.[cm]?[jt]s$/.test(script.url) || script.url.includes('node_modules')) continue;
    const { scriptSource } = await post('Debugger.getScriptSource', { scriptId: script.scriptId });
    scripts.push({ url: script.url, source: scriptSource, functions: script.functions });
  }
  return { scripts };
}

export async function stopCoverage() {
  await post('Profiler.stopPreciseCoverage');
  globalThis[key].disconnect();
  globalThis[key] = undefined;
}

/** The count of the innermost V8 range holding \`offset\`. */
function countAt(functions, offset) {
  let best = null;
  for (const f of functions)
    for (const r of f.ranges)
      if (r.startOffset <= offset && offset < r.endOffset)
        if (!best || r.endOffset - r.startOffset <= best.endOffset - best.startOffset) best = r;
  return best ? best.count : 0;
}

/** Lines with code, covered or not, in one script as it ran. */
function measure({ source, functions }) {
  const lines = { total: 0, covered: 0 };
  let offset = 0;
  for (const line of source.split('\\n')) {
    const start = offset + (line.length - line.trimStart().length);
    offset += line.length + 1;
    const code = line.trim();
    if (!code || code.startsWith('//') || code === '}' || code === '});') continue;
    lines.total++;
    if (countAt(functions, start) > 0) lines.covered++;
  }
  const fns = functions.filter((f) => f.functionName);
  return { lines, functions: { total: fns.length, covered: fns.filter((f) => f.ranges[0].count > 0).length } };
}

const pct = ({ total, covered }) => (total ? Math.round((covered / total) * 10000) / 100 : 100);
const metric = (m) => ({ ...m, skipped: 0, pct: pct(m) });

export function getProvider() {
  let ctx;
  let options;
  const runs = [];
  return {
    name: 'v8-lines',
    initialize(vitest) {
      ctx = vitest;
      options = { ...vitest.config.coverage };
      options.reportsDirectory = resolve(vitest.config.root, options.reportsDirectory || 'coverage');
    },
    resolveOptions: () => options,
    clean: () => rmSync(options.reportsDirectory, { recursive: true, force: true }),
    onAfterSuiteRun: ({ coverage }) => {
      if (coverage) runs.push(coverage);
    },
    generateCoverage: () => {
      // The same module seen by several test files: the run that covered more of it counts.
      const byFile = new Map();
      for (const { scripts } of runs)
        for (const s of scripts) {
          const m = measure(s);
          const seen = byFile.get(s.url);
          if (!seen || m.lines.covered > seen.lines.covered) byFile.set(s.url, m);
        }
      return byFile;
    },
    reportCoverage: (byFile) => {
      const sum = (key) => ({
        total: [...byFile.values()].reduce((n, m) => n + m[key].total, 0),
        covered: [...byFile.values()].reduce((n, m) => n + m[key].covered, 0),
      });
      const lines = metric(sum('lines'));
      const total = { lines, statements: lines, branches: lines, functions: metric(sum('functions')) };
      mkdirSync(options.reportsDirectory, { recursive: true });
      writeFileSync(join(options.reportsDirectory, 'coverage-summary.json'), JSON.stringify({ total }));
      ctx.logger.log(\`coverage: \${lines.pct}% of \${lines.total} lines in \${byFile.size} files\`);
    },
  };
}

export default { startCoverage, takeCoverage, stopCoverage, getProvider };
`,
};
