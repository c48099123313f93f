import { describe, expect, it } from 'vitest';
import {
  buildErrorSignature,
  maxBuildErrors,
  parseBuildOutput,
} from '../../../tools/parse-build-output.ts';
import { fixture, reportError } from './report-fixtures.ts';

describe('parseBuildOutput', () => {
  it('reads esbuild errors', () => {
    expect(parseBuildOutput(fixture('build-esbuild-resolve.txt'), 1)).toEqual({
      success: false,
      errors: ['✘ [ERROR] Could not resolve "./utils/format.ts"'],
      signature: '✘ [error] could not resolve "./utils/format.ts"',
    });
  });

  it('reads tsc errors behind an npm script banner', () => {
    const result = parseBuildOutput(fixture('build-tsc.txt'), 2);
    expect(result.errors).toEqual([
      "src/order.ts(3,31): error TS2322: Type 'number' is not assignable to type 'string'.",
      "src/order.ts(5,31): error TS2339: Property 'name' does not exist on type 'Item'.",
    ]);
    expect(result.signature).toBe(
      "src/order.ts: error ts2322: type 'number' is not assignable to type 'string'.",
    );
  });

  it('takes the line after a vite "error during build" header, colours removed', () => {
    const result = parseBuildOutput(fixture('build-vite-syntax.txt'));
    expect(result.success).toBe(false);
    expect(result.errors[0]).toBe('[builtin:vite-transform] Expected `,` or `)` but found `;`');
  });

  it('prefers real errors over npm lifecycle lines (webpack)', () => {
    const result = parseBuildOutput(fixture('build-webpack.txt'), 1);
    expect(result.errors).toEqual([
      'ERROR in ./src/index.js 2:0-44',
      "Module not found: Error: Can't resolve './utils/format' in '/home/dev/shop/src'",
    ]);
    expect(result.signature).toBe('error in ./src/index.js n-n');
  });

  it('reads a successful build, with or without the exit code', () => {
    expect(parseBuildOutput(fixture('build-vite-ok.txt'))).toEqual({
      success: true,
      errors: [],
      signature: null,
    });
    expect(parseBuildOutput(fixture('build-vite-ok.txt'), 0)).toEqual({
      success: true,
      errors: [],
      signature: null,
    });
    expect(parseBuildOutput('', 0)).toEqual({ success: true, errors: [], signature: null });
  });

  it('lets the exit code win: "0 errors" summaries are no errors, and a failure without error lines reports its last line', () => {
    expect(parseBuildOutput('Found 0 errors. Watching for file changes.').success).toBe(true);
    expect(parseBuildOutput('compiling...\nKilled', 137)).toEqual({
      success: false,
      errors: ['Killed'],
      signature: 'killed',
    });
    expect(parseBuildOutput('', 1)).toEqual({
      success: false,
      errors: [],
      signature: 'exit code 1',
    });
    expect(
      parseBuildOutput('warning: error-prone pattern\nError: nothing serious', 0).success,
    ).toBe(true);
  });

  it('recognises compiler, rollup and runtime error lines', () => {
    const output = [
      "main.c:3:5: error: expected ';' before '}' token",
      '[!] RollupError: Could not resolve entry module "src/index.ts".',
      "SyntaxError: Unexpected token '}'",
      'error[E0308]: mismatched types',
      'npm error code 1',
    ].join('\n');
    expect(parseBuildOutput(output).errors).toEqual(output.split('\n').slice(0, 4));
  });

  it(`keeps at most ${maxBuildErrors} error lines and drops consecutive duplicates`, () => {
    const many = Array.from(
      { length: 80 },
      (_, i) => `error TS2304: Cannot find name 'x${i}'.`,
    ).join('\n');
    expect(parseBuildOutput(many).errors).toHaveLength(maxBuildErrors);
    expect(parseBuildOutput('Error: same\nError: same\nError: other').errors).toEqual([
      'Error: same',
      'Error: other',
    ]);
  });

  it.each([[null], [12], [['Error: x']]])('rejects non-text input %j', (input) => {
    expect(reportError(() => parseBuildOutput(input)).message).toMatch(
      /^build output: expected text/,
    );
  });
});

describe('buildErrorSignature', () => {
  it('is equal for the same error at another line, column, time or hash', () => {
    const a = buildErrorSignature(
      "src/a.ts(3,5): error TS2322: Type 'number' is not assignable to type 'string'.",
    );
    const b = buildErrorSignature(
      "src/a.ts(48,17): error TS2322: Type 'number' is not assignable to type 'string'.",
    );
    expect(a).toBe(b);
    expect(buildErrorSignature('src/main.ts:3:29: ERROR: Expected ")"')).toBe(
      buildErrorSignature('src/main.ts:7:2: ERROR: Expected ")"'),
    );
    expect(buildErrorSignature('chunk 3fa9c21d failed after 87 ms')).toBe(
      buildErrorSignature('chunk 0be4f77a failed after 112 ms'),
    );
  });

  it('differs for different errors, files or codes', () => {
    const base = "src/a.ts(3,5): error TS2322: Type 'number' is not assignable to type 'string'.";
    expect(buildErrorSignature(base)).not.toBe(
      buildErrorSignature(base.replace('TS2322', 'TS2345')),
    );
    expect(buildErrorSignature(base)).not.toBe(
      buildErrorSignature(base.replace('src/a.ts', 'src/b.ts')),
    );
    expect(buildErrorSignature(base)).not.toBe(
      buildErrorSignature(base.replace("'string'", "'boolean'")),
    );
  });
});
