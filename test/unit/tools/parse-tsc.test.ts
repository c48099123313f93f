import { describe, expect, it } from 'vitest';
import { parseTsc } from '../../../tools/parse-tsc.ts';
import { fixture, reportError } from './report-fixtures.ts';

const expectedErrors = [
  {
    file: 'src/order.ts',
    line: 3,
    col: 31,
    code: 'TS2322',
    message: "Type 'number' is not assignable to type 'string'.",
  },
  {
    file: 'src/order.ts',
    line: 5,
    col: 31,
    code: 'TS2339',
    message: "Property 'name' does not exist on type 'Item'.",
  },
  {
    file: 'src/pricing.ts',
    line: 2,
    col: 14,
    code: 'TS2322',
    message:
      "Type '(n: string) => number' is not assignable to type '(n: number) => string'.\nTypes of parameters 'n' and 'n' are incompatible.\nType 'number' is not assignable to type 'string'.",
  },
  {
    file: 'src/pricing.ts',
    line: 3,
    col: 14,
    code: 'TS2322',
    message: "Type 'number' is not assignable to type 'string'.",
  },
];

describe('parseTsc', () => {
  it('reads the plain format, joining message chains', () => {
    expect(parseTsc(fixture('tsc-plain.txt'))).toEqual({ errorCount: 4, errors: expectedErrors });
  });

  it('reads the coloured pretty format to the same result, ignoring code frames and related locations', () => {
    expect(parseTsc(fixture('tsc-pretty.txt'))).toEqual({ errorCount: 4, errors: expectedErrors });
  });

  it('reads the pretty format without colours and with CRLF line ends', () => {
    const text =
      'src/a.ts:3:5 - error TS2322: Type A is wrong.\r\n\r\n3 const a: A = b;\r\n      ~\r\n\r\nFound 1 error in src/a.ts:3\r\n';
    expect(parseTsc(text)).toEqual({
      errorCount: 1,
      errors: [{ file: 'src/a.ts', line: 3, col: 5, code: 'TS2322', message: 'Type A is wrong.' }],
    });
  });

  it('reads errors without a location (configuration and command line)', () => {
    expect(parseTsc(fixture('tsc-global.txt'))).toEqual({
      errorCount: 1,
      errors: [
        {
          file: null,
          line: null,
          col: null,
          code: 'TS5023',
          message: "Unknown compiler option '--foo'.",
        },
      ],
    });
  });

  it('returns no errors for a clean run (tsc prints nothing) and ignores npm banners', () => {
    expect(parseTsc('')).toEqual({ errorCount: 0, errors: [] });
    expect(parseTsc('\n> shop@1.0.0 typecheck\n> tsc --noEmit\n\n')).toEqual({
      errorCount: 0,
      errors: [],
    });
  });

  it('trusts "Found N errors" when the output was cut short', () => {
    const text = "src/a.ts(1,1): error TS1005: ';' expected.\n\nFound 12 errors in 3 files.\n";
    expect(parseTsc(text).errorCount).toBe(12);
    expect(parseTsc(text).errors).toHaveLength(1);
  });

  it('keeps paths with spaces and parentheses', () => {
    const text =
      "src/my dir (old)/a.ts(10,2): error TS7006: Parameter 'x' implicitly has an 'any' type.";
    expect(parseTsc(text).errors[0]).toMatchObject({
      file: 'src/my dir (old)/a.ts',
      line: 10,
      col: 2,
      code: 'TS7006',
    });
  });

  it.each([[undefined], [42], [{ output: 'x' }]])('rejects non-text input %j', (input) => {
    const error = reportError(() => parseTsc(input));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(/^tsc output: expected text, got /);
  });
});
