import { AppError } from '../errors/app-error.ts';

/*
 * Input guard: refuses text that JSON.parse and URL decoding accept but that breaks what comes
 * after them. PostgreSQL cannot store NUL in text or jsonb, and an unpaired UTF-16 surrogate
 * turns into U+FFFD (or an error) on its way to the database, a model or a log. Deep nesting
 * overflows the stack of every recursive consumer (zod, JSON.stringify, structured clone). The
 * checks run on the raw text in one pass, before anything parses or recurses, so a hostile body
 * costs linear time and constant stack whatever its shape.
 */

/** Limits for {@link checkJsonText}. */
export interface JsonTextLimits {
  /** Most containers (objects and arrays) open at once: `[]` has depth 1, `{"a":[]}` depth 2. */
  maxDepth: number;
  /** Most UTF-8 bytes of the text. */
  maxBytes: number;
}

type Problem = 'nul' | 'surrogate' | 'depth';

/** A container being scanned: where it is, and where inside it the scan is. */
interface Frame {
  array: boolean;
  /** The current member's key (objects). */
  key: string;
  /** The current element's index (arrays). */
  index: number;
}

/** What the scanner expects next, outside strings. */
type Want = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const quote = 0x22;
const backslash = 0x5c;

/** Unpaired surrogates and NUL in an already decoded string. */
const badUnit = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const badUnits = new RegExp(badUnit.source, 'g');

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Characters of numbers and of `true` / `false` / `null`; JSON.parse checks their grammar. */
const isScalar = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  c === 0x2d ||
  c === 0x2b ||
  c === 0x2e;

/** `\u0000`-style text for a code unit, so a field or message never carries the unit itself. */
const escaped = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/** `key` with NUL and unpaired surrogates written as escapes, fit for a `field`. */
const printable = (key: string) => key.replace(badUnits, (u) => escaped(u.charCodeAt(0)));

/** The value of a simple escape (`\n` → 10), or -1 when `c` does not start one. */
function simpleEscape(c: number): number {
  switch (c) {
    case 0x22:
    case 0x5c:
    case 0x2f:
      return c;
    case 0x62:
      return 0x08;
    case 0x66:
      return 0x0c;
    case 0x6e:
      return 0x0a;
    case 0x72:
      return 0x0d;
    case 0x74:
      return 0x09;
    default:
      return -1;
  }
}

/** The four hex digits at `at`, or -1. */
function hex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  const digits = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? Number.parseInt(digits, 16) : -1;
}

function problemError(problem: Problem, field: string, detail: string): AppError {
  const message =
    problem === 'nul'
      ? `${field}: contains a NUL character (${detail})`
      : problem === 'surrogate'
        ? `${field}: contains an unpaired UTF-16 surrogate (${detail})`
        : `${field}: nested deeper than ${detail} levels`;
  return new AppError('VALIDATION_ERROR', message, { field });
}

/** One pass over JSON text with an explicit stack of containers: no recursion, no parse. */
class JsonScanner {
  private pos = 0;
  private want: Want = 'value';
  private readonly stack: Frame[] = [];
  /** UTF-8 bytes beyond one per UTF-16 code unit, counted inside strings (the rest is ASCII). */
  private extraBytes = 0;

  private readonly text: string;
  private readonly limits: JsonTextLimits;

  constructor(text: string, limits: JsonTextLimits) {
    this.text = text;
    this.limits = limits;
  }

  run(): void {
    const { text } = this;
    // UTF-8 needs at least one byte per UTF-16 code unit: a longer text is too large unread.
    if (text.length > this.limits.maxBytes) throw this.tooLarge();
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (isSpace(c)) this.pos++;
      else this.token(c);
    }
    // Whitespace only: no body, which the routes decide about, not this guard.
    if (this.want !== 'end' && !(this.want === 'value' && this.stack.length === 0)) {
      throw this.invalid('unexpected end of the text');
    }
  }

  private token(c: number): void {
    switch (this.want) {
      case 'value':
      case 'valueOrClose':
        if (c === 0x5d && this.want === 'valueOrClose') return this.close(true);
        return this.value(c);
      case 'key':
      case 'keyOrClose':
        if (c === 0x7d && this.want === 'keyOrClose') return this.close(false);
        if (c !== quote) throw this.invalid('expected a key');
        this.top().key = this.string(true);
        this.want = 'colon';
        return;
      case 'colon':
        if (c !== 0x3a) throw this.invalid("expected ':'");
        this.pos++;
        this.want = 'value';
        return;
      case 'commaOrClose': {
        const frame = this.top();
        if (c === (frame.array ? 0x5d : 0x7d)) return this.close(frame.array);
        if (c !== 0x2c) throw this.invalid(`expected ',' or '${frame.array ? ']' : '}'}'`);
        this.pos++;
        if (frame.array) frame.index++;
        this.want = frame.array ? 'value' : 'key';
        return;
      }
      case 'end':
        throw this.invalid('unexpected text after the value');
    }
  }

  private value(c: number): void {
    if (c === 0x7b || c === 0x5b) {
      if (this.stack.length >= this.limits.maxDepth) {
        throw problemError('depth', this.path(), String(this.limits.maxDepth));
      }
      const array = c === 0x5b;
      this.stack.push({ array, key: '', index: 0 });
      this.pos++;
      this.want = array ? 'valueOrClose' : 'keyOrClose';
      return;
    }
    if (c === quote) {
      this.string(false);
    } else if (isScalar(c)) {
      while (this.pos < this.text.length && isScalar(this.text.charCodeAt(this.pos))) this.pos++;
    } else {
      throw this.invalid('expected a value');
    }
    this.afterValue();
  }

  private close(array: boolean): void {
    const frame = this.stack.pop();
    if (!frame || frame.array !== array) throw this.invalid(`unexpected '${array ? ']' : '}'}'`);
    this.pos++;
    this.afterValue();
  }

  private afterValue(): void {
    this.want = this.stack.length === 0 ? 'end' : 'commaOrClose';
  }

  /**
   * Scan the string at `pos` (its opening quote) and move past it. A value string throws at its
   * first bad unit; a key is read to its end first, since the field names the whole key. Returns
   * the decoded key (as JSON.parse decodes it) for keys, '' for values.
   */
  private string(isKey: boolean): string {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    let chunk = i;
    let decoded = '';
    let high = -1; // a high surrogate waiting for its low half
    let problem: { kind: Problem; unit: number } | undefined;
    const bad = (kind: Problem, unit: number) => {
      if (!isKey) throw problemError(kind, this.path(), escaped(unit));
      problem ??= { kind, unit };
    };
    for (;;) {
      if (i >= text.length) {
        this.pos = start;
        throw this.invalid('unterminated string');
      }
      let unit = text.charCodeAt(i);
      let next = i + 1;
      if (unit === quote) break;
      if (unit === backslash) {
        const kind = text.charCodeAt(i + 1);
        unit = kind === 0x75 ? hex4(text, i + 2) : simpleEscape(kind);
        if (unit < 0) {
          this.pos = i;
          throw this.invalid('invalid escape');
        }
        next = kind === 0x75 ? i + 6 : i + 2;
        if (isKey) {
          decoded += text.slice(chunk, i) + String.fromCharCode(unit);
          chunk = next;
        }
      } else if (unit >= 0x80) {
        this.extraBytes += unit < 0x800 || isHigh(unit) || isLow(unit) ? 1 : 2;
      }
      if (high >= 0) {
        const waiting = high;
        high = -1;
        if (isLow(unit)) {
          i = next;
          continue;
        }
        bad('surrogate', waiting);
      }
      if (unit === 0) bad('nul', unit);
      else if (isHigh(unit)) high = unit;
      else if (isLow(unit)) bad('surrogate', unit);
      i = next;
    }
    if (high >= 0) bad('surrogate', high);
    this.pos = i + 1;
    if (text.length + this.extraBytes > this.limits.maxBytes) throw this.tooLarge();
    if (!isKey) return '';
    const key = decoded + text.slice(chunk, i);
    if (problem) {
      // The key's own path: the object's path (the frames below it), then the key.
      const field = [...this.segments(this.stack.length - 1), printable(key)].join('.');
      throw problemError(problem.kind, field, escaped(problem.unit));
    }
    return key;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /**
   * The path of the value at the scan position, the way the routes name body fields
   * (`data.comments.0.body`); `body` for the body itself.
   */
  private path(): string {
    return this.stack.length === 0 ? 'body' : this.segments(this.stack.length).join('.');
  }

  /** Where the scan is in each of the outermost `count` containers. */
  private segments(count: number): string[] {
    return this.stack.slice(0, count).map((f) => (f.array ? String(f.index) : f.key));
  }

  private invalid(reason: string): AppError {
    const message = `body: not valid JSON (${reason} at position ${this.pos})`;
    return new AppError('INVALID_JSON', message, { field: 'body' });
  }

  private tooLarge(): AppError {
    return new AppError('PAYLOAD_TOO_LARGE', `body: larger than ${this.limits.maxBytes} bytes`, {
      field: 'body',
    });
  }
}

/**
 * Check raw JSON text before it is parsed, in one linear pass with constant stack (a body nested
 * 100,000 deep is refused at `maxDepth`, not by a stack overflow). Throws:
 * - VALIDATION_ERROR when a string (value or key) holds a NUL (raw or `\u0000`) or an unpaired
 *   UTF-16 surrogate (raw, or a `\ud800`-style escape without its other half), or when
 *   containers nest deeper than `maxDepth`. `field` is the path of the value as the client sent it
 *   (`data.comments.0.body`, `messages.0`; `body` for the top-level value), a bad key is named by
 *   its own path, with the offending characters written as `\uXXXX`;
 * - PAYLOAD_TOO_LARGE (`field: body`) above `maxBytes` UTF-8 bytes;
 * - INVALID_JSON (`field: body`) when the structure is broken so far that paths mean nothing.
 *
 * Not a full JSON validator (number and literal grammar, raw control characters in strings are left
 * to JSON.parse, which must still run). Empty or whitespace-only text passes.
 */
export function checkJsonText(text: string, limits: JsonTextLimits): void {
  new JsonScanner(text, limits).run();
}

/** The first NUL or unpaired surrogate in `value`, or undefined. */
function badUnitIn(value: string): { kind: Problem; unit: number } | undefined {
  const match = badUnit.exec(value);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0);
  return { kind: unit === 0 ? 'nul' : 'surrogate', unit };
}

/**
 * Refuse decoded URL parameters (Hono's `c.req.query()` / `c.req.param()`) holding a NUL (`%00`)
 * or an unpaired surrogate: VALIDATION_ERROR with `field` `query.<name>` / `path.<name>`, the way
 * every other URL parameter error names its field (docs/api.md). A bad name is written with
 * `\uXXXX` escapes.
 */
export function checkQueryAndPath(values: Record<string, string>, where: 'query' | 'path'): void {
  for (const [name, value] of Object.entries(values)) {
    const field = `${where}.${printable(name)}`;
    const problem = badUnitIn(name) ?? badUnitIn(value);
    if (problem) throw problemError(problem.kind, field, escaped(problem.unit));
  }
}

/** The same check on one decoded string (e.g. the whole request path), naming `field`. */
export function checkString(value: string, field: string): void {
  const problem = badUnitIn(value);
  if (problem) throw problemError(problem.kind, field, escaped(problem.unit));
}
