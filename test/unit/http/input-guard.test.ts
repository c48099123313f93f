import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { checkJsonText, checkQueryAndPath } from '../../../src/http/input-guard.ts';
import { measuredBelow } from '../../helpers/growth-ratio.ts';

const limits = { maxDepth: 32, maxBytes: 1_000_000 };

/** The AppError `check` throws, or fails the test. */
function refusal(check: () => void): AppError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

const refuseJson = (text: string, over: Partial<typeof limits> = {}) =>
  refusal(() => checkJsonText(text, { ...limits, ...over }));

describe('checkJsonText: what passes', () => {
  it('accepts ordinary JSON, escapes and surrogate pairs, raw or escaped', () => {
    const texts = [
      '{}',
      '[]',
      '  \n',
      '',
      '0',
      'true',
      '"plain"',
      '{"a":[1,-2.5e3,true,false,null,{"b":"c"}],"d":{}}',
      ' { "spaced" : [ 1 , 2 ] } ',
      '"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u0041"',
      '"😀 é ü 中"',
      '"\\ud83d\\ude00"',
      '"\\uD83D\\uDE00"',
      // A raw high half and an escaped low half decode to one well-formed pair, as JSON.parse does.
      '"\ud83d\\ude00"',
      JSON.stringify({ deep: [[[{ x: ['😀', { 'k\u00e9y': 'v' }] }]]] }),
    ];
    for (const text of texts) expect(() => checkJsonText(text, limits), text).not.toThrow();
  });
});

describe('checkJsonText: NUL', () => {
  it('refuses NUL, escaped or raw, naming the value by its path', () => {
    const cases: [string, string][] = [
      ['{"a":"x\\u0000y"}', 'a'],
      ['{"a":"x\u0000y"}', 'a'],
      ['"\\u0000"', 'body'],
      ['["ok","\\u0000"]', '1'],
    ];
    for (const [text, field] of cases) {
      const error = refuseJson(text);
      expect(error, text).toMatchObject({ code: 'VALIDATION_ERROR', status: 400, field });
      expect(error.message).toMatch(/NUL/);
      expect(error.message).not.toContain('\u0000');
    }
  });
});

describe('checkJsonText: unpaired surrogates', () => {
  it('refuses a lone half, raw or escaped, and an escaped high half without its low half', () => {
    const cases: [string, string][] = [
      ['{"s":"\ud800"}', 'ud800'],
      ['{"s":"a\udc00b"}', 'udc00'],
      ['{"s":"\ud83d x"}', 'ud83d'],
      ['{"s":"\\ud800"}', 'ud800'],
      ['{"s":"\\ud800x"}', 'ud800'],
      ['{"s":"\\ud800\\u0041"}', 'ud800'],
      ['{"s":"\\ud800\\ud800\\udc00"}', 'ud800'],
      ['{"s":"\\udc00"}', 'udc00'],
      ['{"s":"\\ude00\\ud83d"}', 'ude00'],
      ['{"s":"\\ud83d\\n\\ude00"}', 'ud83d'],
    ];
    for (const [text, unit] of cases) {
      const error = refuseJson(text);
      expect(error, text).toMatchObject({ code: 'VALIDATION_ERROR', field: 's' });
      expect(error.message, text).toMatch(/unpaired UTF-16 surrogate/);
      expect(error.message, text).toContain(`\\${unit}`);
    }
  });
});

describe('checkJsonText: depth', () => {
  it('refuses containers nested deeper than maxDepth, naming where the deepest one starts', () => {
    expect(() => checkJsonText('[[[1]]]', { ...limits, maxDepth: 3 })).not.toThrow();
    expect(() => checkJsonText('{"a":{"b":{}}}', { ...limits, maxDepth: 3 })).not.toThrow();
    const cases: [string, number, string][] = [
      ['[[[[1]]]]', 3, '0.0.0'],
      ['{"a":{"b":{"c":{}}}}', 3, 'a.b.c'],
      ['{"a":1,"b":[0,{"c":[]}]}', 3, 'b.1.c'],
      ['{}', 0, 'body'],
    ];
    for (const [text, maxDepth, field] of cases) {
      const error = refuseJson(text, { maxDepth });
      expect(error, text).toMatchObject({ code: 'VALIDATION_ERROR', field });
      expect(error.message).toContain(`deeper than ${maxDepth} levels`);
    }
  });

  it('refuses 100,000 nested arrays at maxDepth, without reading on or overflowing', () => {
    const open = '['.repeat(100_000);
    // Never closed: the refusal comes at the 65th bracket, before the end of the text is seen.
    const error = refuseJson(open, { maxDepth: 64 });
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', field: Array(64).fill('0').join('.') });
    // No recursion: the same nesting, allowed, is scanned to its end.
    const deep = `${'{"a":['.repeat(50_000)}"\\u0000"${']}'.repeat(50_000)}`;
    const nul = refuseJson(deep, { maxDepth: 1_000_000, maxBytes: 10_000_000 });
    expect(nul.message).toMatch(/NUL/);
    expect(nul.field!.split('.')).toHaveLength(100_000);
    const balanced = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => checkJsonText(balanced, { maxDepth: 100_000, maxBytes: 1_000_000 })).not.toThrow();
  });
});

describe('checkJsonText: the field names the value as the client sent it', () => {
  it('walks nested objects and arrays, and forgets members already closed', () => {
    const cases: [unknown, string][] = [
      [{ data: { comments: [{ body: 'ok' }, { body: 'bad\u0000' }] } }, 'data.comments.1.body'],
      [{ messages: ['\ud800'] }, 'messages.0'],
      [
        [
          [1, 2],
          [3, '\u0000'],
        ],
        '1.1',
      ],
      [{ a: { x: 1, y: [1] }, b: '\u0000' }, 'b'],
      [{ a: 1, b: { c: [1, 2, '\u0000'] } }, 'b.c.2'],
      [{ a: [], b: [{}, {}, [null, 'x\u0000']] }, 'b.2.1'],
      [{ 'a.b': { c: '\u0000' } }, 'a.b.c'],
    ];
    for (const [value, field] of cases) {
      const text = JSON.stringify(value);
      expect(refuseJson(text).field, text).toBe(field);
    }
  });

  it('decodes escaped characters in keys, and names a bad key by its own path', () => {
    expect(refuseJson('{"d\\u0061ta":{"k\\"q":"\\u0000"}}').field).toBe('data.k"q');
    expect(refuseJson('{"\\u00e9t\\u00e9":["\\u0000"]}').field).toBe('été.0');
    expect(refuseJson('{"tab\\there":"\\u0000"}').field).toBe('tab\there');
    const nulKey = refuseJson('{"a":{"ok":1,"b\\u0000c":1}}');
    expect(nulKey).toMatchObject({ code: 'VALIDATION_ERROR', field: 'a.b\\u0000c' });
    expect(nulKey.message).toMatch(/NUL/);
    expect(refuseJson('[{"ok":1},{"x\u0000":2}]').field).toBe('1.x\\u0000');
    expect(refuseJson('{"\\udc00":1}').field).toBe('\\udc00');
    expect(refuseJson('{"lone\ud800 high":1}').field).toBe('lone\\ud800 high');
  });
});

describe('checkJsonText: size and structure', () => {
  it('counts UTF-8 bytes, not UTF-16 units', () => {
    const texts = [JSON.stringify('é'.repeat(10)), JSON.stringify('😀€'.repeat(5)), '{"a":1}'];
    for (const text of texts) {
      const bytes = Buffer.byteLength(text);
      expect(() => checkJsonText(text, { maxDepth: 8, maxBytes: bytes }), text).not.toThrow();
      const error = refuseJson(text, { maxBytes: bytes - 1 });
      expect(error, text).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, field: 'body' });
    }
  });

  it('refuses broken structure as INVALID_JSON on the body', () => {
    const texts = [
      '{"a":1]',
      '{"a" 1}',
      '[1,2',
      '"abc',
      '{"a":1}x',
      '{"a":1}{}',
      '{1:2}',
      '[1,]x',
      ']',
      '\u0000',
      '{"a":"\\x"}',
      '{"a":"\\u12"}',
      '{"a":"\\u12g4"}',
    ];
    for (const text of texts) {
      expect(refuseJson(text), JSON.stringify(text)).toMatchObject({
        code: 'INVALID_JSON',
        field: 'body',
      });
    }
  });

  it('agrees with a reference walk of JSON.parse on generated documents', () => {
    const unit = fc.constantFrom(
      'a',
      '.',
      '"',
      '\\',
      'é',
      '\n',
      '😀',
      '\u0000',
      '\ud800',
      '\udc00',
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: unit }), (value) => {
        const text = JSON.stringify(value);
        const expected = firstProblem(JSON.parse(text) as unknown, []);
        let field: string | undefined;
        try {
          checkJsonText(text, limits);
        } catch (error) {
          field = (error as AppError).field;
        }
        expect(field).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

/** Reference: the path of the first key or string (in text order) with NUL or a lone half. */
function firstProblem(value: unknown, path: string[]): string | undefined {
  const bad = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const hex = (u: string) => u.charCodeAt(0).toString(16).padStart(4, '0');
  const show = (key: string) => key.replace(new RegExp(bad.source, 'g'), (u) => `\\u${hex(u)}`);
  // `body` only for the top-level value: an empty key is a path of its own ('').
  if (typeof value === 'string') {
    return bad.test(value) ? (path.length ? path.join('.') : 'body') : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (!Array.isArray(value) && bad.test(key)) return [...path, show(key)].join('.');
    const found = firstProblem(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('checkJsonText: linear time', () => {
  /** Ordinary JSON of about `bytes` bytes: objects, arrays, numbers, escapes, non-ASCII text. */
  function document(bytes: number): string {
    const item = {
      id: 'c0a8012e-7d4f-4b7e-9a55-0f3c2d1e8b6a',
      body: 'Name it "total", not t — ça marche 😀\n',
      scores: [1, 2.5, -3e2, true, null],
      nested: { a: { b: { c: ['x', 'y'] } } },
    };
    const one = JSON.stringify(item);
    const items = Array.from({ length: Math.ceil(bytes / one.length) }, () => item);
    return JSON.stringify({ items });
  }

  /** Best of a few runs, so one pause of a shared CPU does not decide the ratio. */
  function fastest(text: string): number {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      checkJsonText(text, { maxDepth: 64, maxBytes: 50_000_000 });
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  it('scans 5 MB of ordinary JSON; four times the text takes less than eight times as long', () => {
    const small = document(1_250_000);
    const large = document(5_000_000);
    expect(Buffer.byteLength(large)).toBeGreaterThan(5_000_000);
    fastest(small); // warm-up: let the JIT compile the scanner first
    const { ratio } = measuredBelow(() => ({ ratio: fastest(large) / fastest(small) }), 8);
    expect(ratio).toBeLessThan(8);
  });
});

describe('checkQueryAndPath', () => {
  it('passes ordinary parameters', () => {
    expect(() => checkQueryAndPath({ format: 'text', q: 'ça 😀' }, 'query')).not.toThrow();
    expect(() => checkQueryAndPath({}, 'path')).not.toThrow();
  });

  it('refuses NUL and unpaired surrogates, naming the parameter', () => {
    const cases: [Record<string, string>, 'query' | 'path', string, RegExp][] = [
      [{ ok: 'x', format: 'te\u0000xt' }, 'query', 'query.format', /NUL/],
      [{ id: 'wf_\ud800' }, 'path', 'path.id', /unpaired/],
      [{ id: '\udc00\ud800' }, 'path', 'path.id', /unpaired/],
      [{ 'na\u0000me': 'v' }, 'query', 'query.na\\u0000me', /NUL/],
    ];
    for (const [values, where, field, message] of cases) {
      const error = refusal(() => checkQueryAndPath(values, where));
      expect(error, field).toMatchObject({ code: 'VALIDATION_ERROR', status: 400, field });
      expect(error.message).toMatch(message);
    }
  });
});
