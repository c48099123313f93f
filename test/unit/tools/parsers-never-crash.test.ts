import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { parseBuildOutput } from '../../../tools/parse-build-output.ts';
import { parseCoverage } from '../../../tools/parse-coverage.ts';
import { parseEslint } from '../../../tools/parse-eslint.ts';
import { parseNpmAudit } from '../../../tools/parse-npm-audit.ts';
import { parseTestReport } from '../../../tools/parse-test-report.ts';
import { parseTsc } from '../../../tools/parse-tsc.ts';
import { fixture } from './report-fixtures.ts';

const parsers = {
  parseCoverage,
  parseEslint,
  parseTsc,
  parseTestReport,
  parseNpmAudit,
  parseBuildOutput,
} as const;

/** Either a result or an AppError: never a TypeError or any other exception. */
function outcome(parse: (input: unknown) => unknown, input: unknown): 'ok' | 'app-error' {
  try {
    parse(input);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return 'app-error';
    throw error;
  }
}

describe('parsers on arbitrary input', () => {
  it.each(Object.entries(parsers))(
    '%s returns or throws an AppError for any JSON value',
    (_name, parse) => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          outcome(parse, value);
          outcome(parse, JSON.stringify(value) ?? '');
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(Object.entries(parsers))(
    '%s returns or throws an AppError for mangled fixtures',
    (_name, parse) => {
      const sources = [
        'junit-vitest.xml',
        'vitest-report.json',
        'eslint.json',
        'npm-audit-v7.json',
        'coverage-summary.json',
        'tsc-pretty.txt',
      ].map(fixture);
      fc.assert(
        fc.property(
          fc.constantFrom(...sources),
          fc.nat(),
          fc.nat(),
          fc.string(),
          (text, a, b, insert) => {
            const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
            outcome(parse, text.slice(0, from) + insert + text.slice(to!));
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it.each(Object.entries(parsers))(
    '%s returns or throws an AppError when any field of a real report is replaced or removed',
    (_name, parse) => {
      const reports = [
        'vitest-report.json',
        'jest-report.json',
        'eslint.json',
        'npm-audit-v7.json',
        'npm-audit-v6.json',
        'coverage-summary.json',
      ].map((name) => JSON.parse(fixture(name)) as unknown);
      fc.assert(
        fc.property(
          fc.constantFrom(...reports),
          fc.nat(),
          fc.option(fc.jsonValue(), { nil: undefined }),
          (report, pick, replacement) => {
            const paths = allPaths(report);
            const path = paths[pick % paths.length]!;
            outcome(parse, replaceAt(report, path, replacement));
          },
        ),
        { numRuns: 500 },
      );
    },
  );

  it('the structural parsers reject mangled reports rather than guessing (sanity check of the property)', () => {
    expect(outcome(parseCoverage, '{"total": 1}')).toBe('app-error');
    expect(outcome(parseTestReport, '<testsuites><testcase>')).toBe('app-error');
  });
});

type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the root excluded). */
function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...allPaths(child, path)];
  });
}

/** A deep copy of `value` with the value at `path` replaced (undefined removes it). */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  const next = replaceAt(copy[head!], rest, replacement);
  if (next === undefined) delete copy[head!];
  else copy[head!] = next;
  return copy;
}
