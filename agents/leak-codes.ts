/**
 * Compression codes and transforms a reply can state and a learner can undo in a few lines, for
 * the leak guard's readings (`leak-readings.ts`): the Burrows–Wheeler transform, move-to-front
 * coding, LZ77 triples, run lengths of a bit stream and phone-keypad multi-tap. Each decoder runs
 * whatever the reply says about it (the rule may be stated in another turn or field than the
 * payload, or not at all): a payload that is not the solution decodes to noise that matches
 * nothing, so an honest reply costs time, never a refusal. Every decoder is one bounded pass (or
 * one sort) over what it reads, so a hostile reply costs linear time.
 */

/** Fewest characters of a payload read as a Burrows–Wheeler last column. */
const minBwt = 64;
/** Fewest numbers read as move-to-front indexes or bit runs. */
const minNumbers = 40;
/** Fewest triples read as LZ77. */
const minTriples = 12;
/** Most numbers or triples read from one text (a longer reply is read from its start). */
const maxItems = 40_000;
/** Longest text an LZ77 copy may build (a hostile `(1, 1000000, a)` would otherwise fill memory). */
const maxOutput = 200_000;

/**
 * Double-quoted strings of `text` of `min` characters or more, JSON-unescaped. A quote that never
 * closes ends at its line: scanning on from the next quote would be quadratic.
 */
function quotedStrings(text: string, min: number): string[] {
  const out: string[] = [];
  let at = text.indexOf('"');
  while (at >= 0 && out.length < 4096) {
    let end = at + 1;
    while (end < text.length && text[end] !== '"' && text[end] !== '\n')
      end += text[end] === '\\' ? 2 : 1;
    if (text[end] === '"' && end - at > min) {
      try {
        out.push(JSON.parse(text.slice(at, end + 1)) as string);
      } catch {
        out.push(text.slice(at + 1, end));
      }
    }
    at = text.indexOf('"', end + 1);
  }
  return out;
}

/** Strings a payload could be written as: fenced blocks, double-quoted strings and paragraphs. */
export function payloads(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(```|~~~)[^\n]*(?:\n|$)([\s\S]*?)(?:\n\1|$)/g)) out.push(m[2]!);
  out.push(...quotedStrings(text, minBwt));
  for (const part of text.split(/\n[^\S\n]*\n/)) out.push(part);
  return out.filter((p) => p.length >= minBwt);
}

/**
 * The text whose Burrows–Wheeler transform `last` is, starting from row `start`. Any start gives a
 * rotation of the text (the rows form one cycle), so the primary index is not needed to read it.
 */
export function inverseBwt(last: string, start = 0): string {
  const chars = [...last];
  const order = chars.map((_, i) => i);
  // Stable: equal characters keep their order, as the transform's rows do.
  order.sort((a, b) => (chars[a]! < chars[b]! ? -1 : chars[a]! > chars[b]! ? 1 : a - b));
  let out = '';
  let row = Math.min(Math.max(start, 0), chars.length - 1);
  for (let i = 0; i < chars.length; i++) {
    row = order[row]!;
    out += chars[row]!;
  }
  return out;
}

/** Each payload read back from its Burrows–Wheeler last column (sentinels `$`, `\0`, `␃` kept). */
function bwtReadings(text: string): string[] {
  let budget = 4 * text.length + 4096;
  const out: string[] = [];
  for (const p of payloads(text)) {
    if ((budget -= p.length) < 0) break;
    out.push(inverseBwt(p));
  }
  return out;
}

/** Runs of integers (`minNumbers` or more, nothing but separators between them). */
export function integerRuns(text: string): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let end = 0;
  let total = 0;
  for (const m of text.matchAll(/(?<![\w.])[-+]?\d{1,7}(?!\w)/g)) {
    if (++total > maxItems) break;
    if (/[A-Za-z]{2}/.test(text.slice(end, m.index))) {
      if (run.length >= minNumbers) runs.push(run);
      run = [];
    }
    run.push(Number(m[0]));
    end = m.index + m[0].length;
  }
  if (run.length >= minNumbers) runs.push(run);
  return runs;
}

/** An alphabet the text states in quotes after the word `alphabet` (or `list`, `table`). */
function statedAlphabets(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /\b(?:alphabet|list|table|symbols)\b[^"`'\n]{0,80}(["`'])((?:(?!\1)[^\\\n]|\\.){8,400})\1/gi,
  )) {
    try {
      out.push(m[1] === '"' ? (JSON.parse(`"${m[2]}"`) as string) : m[2]!);
    } catch {
      out.push(m[2]!);
    }
  }
  return out.slice(0, 4);
}

/** Move-to-front indexes read back over an initial alphabet. */
export function undoMoveToFront(indexes: readonly number[], alphabet: readonly string[]): string {
  const list = [...alphabet];
  let out = '';
  for (const i of indexes) {
    if (i < 0 || i >= list.length) continue;
    const c = list[i]!;
    out += c;
    list.copyWithin(1, 0, i);
    list[0] = c;
  }
  return out;
}

const bytes = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));
const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/** Integer runs under move-to-front over every byte, printable ASCII (with `\n` first or last), or a stated alphabet. */
function moveToFrontReadings(text: string, runs: number[][]): string[] {
  const alphabets = [
    bytes,
    printable,
    ['\n', ...printable],
    [...printable, '\n'],
    ...statedAlphabets(text).map((a) => [...a]),
  ];
  return runs.flatMap((run) =>
    run.every((n) => n >= 0 && n < 256) ? alphabets.map((a) => undoMoveToFront(run, a)) : [],
  );
}

/** Longest run of equal bits in text's bytes (ASCII and UTF-8 runs are shorter still). */
const maxRun = 16;

/**
 * Run lengths of a bit stream read back as bytes (8 bits each, then as 7-bit ASCII), the stream
 * starting with a 0 or with a 1.
 */
export function undoBitRuns(runs: readonly number[], first: 0 | 1, width: 7 | 8): string {
  let bit = first;
  let byte = 0;
  let filled = 0;
  const out: number[] = [];
  for (const n of runs) {
    if (n < 1 || n > maxRun) return '';
    for (let k = 0; k < n; k++) {
      byte = (byte << 1) | bit;
      if (++filled === width) {
        out.push(byte);
        byte = 0;
        filled = 0;
      }
    }
    bit = bit ? 0 : 1;
  }
  return Buffer.from(out).toString(width === 8 ? 'utf8' : 'latin1');
}

function bitRunReadings(runs: number[][]): string[] {
  return runs
    .filter((run) => run.every((n) => n >= 1 && n <= maxRun))
    .flatMap((run) =>
      ([0, 1] as const).flatMap((first) =>
        ([8, 7] as const).map((width) => undoBitRuns(run, first, width)),
      ),
    );
}

/**
 * LZ77 triples `(offset, length, next)` in any brackets, the next character quoted, escaped or
 * bare; `null` or `''` for none. Bounded repeats: linear.
 */
const triple =
  /[([{]\s{0,3}(\d{1,6})\s{0,3}[,;]\s{0,3}(\d{1,6})\s{0,3}[,;]\s{0,3}(?:'((?:[^'\\]|\\u[0-9a-fA-F]{4}|\\.){0,2})'|"((?:[^"\\]|\\u[0-9a-fA-F]{4}|\\.){0,2})"|(null|none|eof|end)|([^\s,;)\]}]{0,2}))\s{0,3}[)\]}]/gi;

const unescapeChar = (c: string) => {
  try {
    return JSON.parse(`"${c.replace(/^\\'$/, "'")}"`) as string;
  } catch {
    return c;
  }
};

/**
 * LZ77 triples read back: copy `length` characters from `offset` back, then the next character;
 * also with the first two numbers the other way round (length, offset).
 */
export function lz77Readings(text: string): string[] {
  const triples: [number, number, string][] = [];
  for (const m of text.matchAll(triple)) {
    if (triples.length >= maxItems) break;
    const next = m[3] ?? m[4] ?? (m[5] ? '' : (m[6] ?? ''));
    triples.push([Number(m[1]), Number(m[2]), unescapeChar(next)]);
  }
  if (triples.length < minTriples) return [];
  return [false, true].map((swapped) => {
    const out: string[] = [];
    for (const [a, b, next] of triples) {
      const [offset, length] = swapped ? [b, a] : [a, b];
      if (offset > 0 && offset <= out.length)
        for (let k = 0; k < length && out.length < maxOutput; k++)
          out.push(out[out.length - offset]!);
      if (out.length >= maxOutput) break;
      out.push(next);
    }
    return out.join('');
  });
}

/** Keys of a phone keypad, for multi-tap. */
const keypad = ['', '', 'abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'];

/**
 * Multi-tap read back: a key pressed n times (`444`, or `4-3`, `4x3`, `4^3`) is its n-th letter,
 * `0` a space, anything else as written. Read when presses make most of the text's tokens.
 */
export function multiTapReading(text: string): string {
  let presses = 0;
  let tokens = 0;
  const out = text.replace(
    /(?<!\d)(?:([2-9])\1{0,3}|([2-9])[-x×^]([1-4]))(?!\d)|\S+/g,
    (t, same, key, n) => {
      tokens++;
      const letters = keypad[Number(same ?? key)] ?? '';
      const at = key ? Number(n) - 1 : t.length - 1;
      if (!letters || at >= letters.length) return t === '0' ? ' ' : t;
      presses++;
      return letters[at]!;
    },
  );
  return presses >= minNumbers && presses >= tokens / 2 ? out.replace(/\s+/g, '') : '';
}

/** Fewest bytes in a blob read as a one-time pad or what it hides. */
const minBlob = 48;
/** Most blobs XOR-ed pairwise (a pad and its ciphertext; a few decoys). */
const maxBlobs = 8;

/**
 * Long byte blobs of the text: hex runs (spaces or colons between bytes allowed) and base64 runs
 * (line breaks allowed), decoded, the longest first.
 */
export function byteBlobs(text: string): Buffer[] {
  const blobs: Buffer[] = [];
  for (const run of text.match(/(?:[0-9a-fA-F]{2}[ :]?){48,}/g) ?? []) {
    const digits = run.replace(/[ :]/g, '');
    blobs.push(Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex'));
  }
  for (const run of text.match(/(?:[A-Za-z0-9+/]{4}\n?){16,}(?:[A-Za-z0-9+/]{2,3}={0,2})?/g) ?? [])
    if (/[g-zG-Z+/]/.test(run)) blobs.push(Buffer.from(run.replace(/\n/g, ''), 'base64'));
  return blobs
    .filter((b) => b.length >= minBlob)
    .sort((a, b) => b.length - a.length)
    .slice(0, maxBlobs);
}

/**
 * Each pair of blobs XOR-ed byte by byte: a one-time pad in one turn (or field) and the
 * ciphertext in another read as the plaintext. Pairs of about the same length only.
 */
export function padReadings(text: string): string[] {
  const blobs = byteBlobs(text);
  const out: string[] = [];
  for (let i = 0; i < blobs.length; i++)
    for (let j = i + 1; j < blobs.length; j++) {
      const [a, b] = [blobs[i]!, blobs[j]!];
      if (b.length < a.length * 0.8) continue;
      const x = Buffer.alloc(b.length);
      for (let k = 0; k < b.length; k++) x[k] = a[k]! ^ b[k]!;
      out.push(x.toString('utf8'));
    }
  return out;
}

/** Fewest characters of a quoted string kept for a key in another turn (prose quotes are shorter). */
const minQuotedPayload = 256;
/** Fewest symbols of a strand mask (two symbols, one a strand each). */
const minMask = 64;
/** A run of two symbols: `0`/`1`, `a`/`b`, `x`/`o`, `l`/`r`, spaces between them allowed. */
// No lookarounds: with one after it, `a a a … z` was tried again from every `a` (quadratic).
const maskPattern = /(?:[01][ ,]?|[ab][ ,]?|[xo][ ,]?|[lr][ ,]?){64,}/gi;

/** The strand masks of a text, as strings of their symbols (at most four, the longest). */
function masks(text: string): string[] {
  return (text.match(maskPattern) ?? [])
    .map((m) => m.replace(/[ ,]/g, '').toLowerCase())
    .filter((m) => m.length >= minMask && new Set(m).size === 2)
    .sort((a, b) => b.length - a.length)
    .slice(0, 4);
}

/**
 * Two texts braided a character each by a stated mask (in this turn or another): every payload as
 * long as a mask, split into its two strands.
 */
export function braidReadings(text: string): string[] {
  const found = masks(text);
  if (!found.length) return [];
  const out: string[] = [];
  for (const p of payloads(text)) {
    const chars = [...p];
    for (const mask of found) {
      if (Math.abs(chars.length - mask.length) > 2) continue;
      const [one, two] = [...new Set(mask)];
      for (const symbol of [one, two])
        out.push(chars.filter((_, i) => mask[i] === symbol).join(''));
    }
  }
  return out;
}

/** Multiplicative inverses mod 26 other than 1: the keys an affine cipher can have. */
const affineInverses = [3, 5, 7, 9, 11, 15, 17, 19, 21, 23, 25];

/**
 * Letter steps (`letterSteps` of `leak-readings.ts`) of a text under every affine key: an affine
 * cipher `a·x + b` multiplies every step by `a` (and `b` cancels), so the steps times `a`'s
 * inverse are the plaintext's, whatever the key (given in a quiz, another turn, or not at all).
 */
export function affineSteps(steps: string): string[] {
  return affineInverses.map((inverse) => {
    let out = '';
    for (let i = 0; i < steps.length; i++)
      out += String.fromCharCode(97 + (((steps.charCodeAt(i) - 97) * inverse) % 26));
    return out;
  });
}

/**
 * Whether `text` holds a payload a key given in another turn may unlock (for the history,
 * `leak-keys.ts`): a long run of numbers (move-to-front indexes, a cipher's codes), a long byte
 * blob (a one-time pad or its ciphertext), a strand mask, or a long quoted string (a braid, a
 * transform's output). Alone it reads as nothing.
 */
export function holdsPayload(text: string): boolean {
  return (
    integerRuns(text).length > 0 ||
    byteBlobs(text).length > 0 ||
    masks(text).length > 0 ||
    quotedStrings(text, minQuotedPayload).length > 0
  );
}

/** Every reading of `text` under the codes above. */
export function codeReadings(text: string): string[] {
  const runs = integerRuns(text);
  return [
    ...padReadings(text),
    ...braidReadings(text),
    ...bwtReadings(text),
    ...moveToFrontReadings(text, runs),
    ...bitRunReadings(runs),
    ...lz77Readings(text),
    multiTapReading(text),
  ].filter(Boolean);
}
