/**
 * Readings for the leak guard (`leak-readings.ts`) of texts that carry their own key: a legend or
 * dictionary (`🍎 = a`, `★ means const`, a numbered word list followed by a sequence of indexes),
 * numbers written as words, and byte encodings the other readings leave alone (uuencode, raw
 * Ascii85 and Z85). Each is one pass (or a bounded number of passes) over the text.
 */

const smallNumbers =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const tensWords = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const ordinalWords =
  'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(
    ' ',
  );
const numberWords = new Map<string, { value: number; kind: 'unit' | 'tens' | 'scale' }>();
smallNumbers.forEach((w, i) => numberWords.set(w, { value: i, kind: 'unit' }));
ordinalWords.forEach((w, i) => numberWords.set(w, { value: i, kind: 'unit' }));
tensWords.forEach((w, i) => {
  numberWords.set(w, { value: 20 + 10 * i, kind: 'tens' });
  numberWords.set(`${w.slice(0, -1)}ieth`, { value: 20 + 10 * i, kind: 'tens' });
});
for (const [w, value] of [
  ['hundred', 100],
  ['hundredth', 100],
  ['thousand', 1000],
  ['thousandth', 1000],
] as const)
  numberWords.set(w, { value, kind: 'scale' });

/**
 * Numbers written as words replaced by their digits: `one hundred and five` → `105`,
 * `twenty-first` → `21`. Numbers listed one after another (`three one four`, `3, 1, 4`) stay apart.
 */
export function numberWordsToDigits(text: string): string {
  const parts = text.split(/([A-Za-z]+)/);
  let out = '';
  let total = 0;
  let current = 0;
  let last: 'unit' | 'tens' | 'scale' | undefined;
  // What stood between the number so far and the next word: dropped if the number goes on.
  let pending = '';
  const flush = () => {
    if (last) out += String(total + current);
    out += pending;
    total = 0;
    current = 0;
    last = undefined;
    pending = '';
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      // Between words: a number goes on over a space or a hyphen only.
      if (last && part.length <= 3 && /^[ \t-]*$/.test(part)) pending += part;
      else {
        flush();
        out += part;
      }
      continue;
    }
    const word = part.toLowerCase();
    const n = numberWords.get(word);
    if (word === 'and' && last && numberWords.has(parts[i + 2]?.toLowerCase() ?? '')) {
      pending += part;
      continue;
    }
    if (!n) {
      flush();
      out += part;
      continue;
    }
    const startsAnother =
      (n.kind === 'unit' && (last === 'unit' || (last === 'tens' && n.value >= 10))) ||
      (n.kind === 'tens' && (last === 'unit' || last === 'tens'));
    if (startsAnother) flush();
    else pending = '';
    if (n.kind !== 'scale') current += n.value;
    else if (n.value === 100) current = (last ? current || 1 : 1) * 100;
    else {
      total += (last ? current || 1 : 1) * 1000;
      current = 0;
    }
    last = n.kind;
  }
  flush();
  return out;
}

/** Value names a legend may use for characters that carry no letters (compaction drops them anyway). */
const blankValues =
  /^(?:space|blank|newline|new line|line break|tab|comma|period|dot|full stop|semicolon|colon|quote|apostrophe|backtick|underscore|hyphen|dash)$/i;

/** Tokens as a legend's keys are written: words (letters, digits, `_`) or single other characters. */
const tokenPattern = /[\p{L}\p{N}_]+|\S/gu;
const tokensOf = (text: string) => text.match(tokenPattern) ?? [];

/** One legend entry: `KEY = value`, `KEY → value`, `KEY: value`, `KEY means value`, `1. value`. */
const entryPattern =
  /^[-*•>\s]*["'`“‘]?([^\s"'`“”‘’]{1,24}?)["'`”’]?\s*(?:=>|->|→|⇒|⟶|=|:|—|–|-(?=\s)|\bmeans\b|\bstands for\b|\bis\b|\brepresents\b|\bfor\b)\s*["'`“‘]?(.{0,40}?)["'`”’]?[\s.,;]*$/u;
/** A table row of two cells: `| Falcon | const |` (backticks and escaped pipes allowed). */
const tableRowPattern = /^\s*\|\s*`?([^|`\s]{1,24})`?\s*\|\s*`?((?:\\\||[^|`]){1,60}?)`?\s*\|\s*$/;
/** A JSON pair of strings: `"Falcon": "const"`. */
const jsonPairPattern = /"((?:[^"\\\n]|\\.){1,24})"\s{0,3}:\s{0,3}"((?:[^"\\\n]|\\.){0,60})"/g;
const numberedPattern = /^\s*#?(\d{1,4})[.)\]:-]?\s+["'`]?(\S.{0,40}?)["'`]?[\s,;]*$/;

interface Legend {
  entries: [string, string][];
  /** Lines that are not part of the legend: what the legend is applied to. */
  rest: string;
}

/** The legend entries of a text (lines, or items of a line split at `,` `;` `|`), and the rest. */
function parseLegend(text: string): Legend {
  const entries: [string, string][] = [];
  const rest: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length > 2000) {
      rest.push(line);
      continue;
    }
    const items = line.length > 60 ? line.split(/[,;|]\s+|\s{2,}|\t/) : [line];
    let found = 0;
    for (const item of items) {
      if (item.length > 80) continue;
      const m = numberedPattern.exec(item) ?? tableRowPattern.exec(item) ?? entryPattern.exec(item);
      if (!m) continue;
      const value = m[2]!.replace(/\\\|/g, '|').trim();
      if (!value) continue;
      entries.push([m[1]!, blankValues.test(value) ? '' : value]);
      found++;
    }
    if (!found || found < items.length / 2) rest.push(line);
    // A dictionary written as JSON (one line or many): its pairs are entries, the line stays.
    if (!found && line.includes('"'))
      for (const m of line.matchAll(jsonPairPattern)) {
        const value = m[2]!.replace(/\\(.)/g, '$1').trim();
        if (value) entries.push([m[1]!.replace(/\\(.)/g, '$1'), value]);
      }
  }
  return { entries, rest: rest.join('\n') };
}

/** `text` with every key of `map` (up to four tokens long) replaced by its value, token by token. */
function applyMap(text: string, map: Map<string, string>, longest: number): string {
  const tokens = tokensOf(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
      const key = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join('\u0000');
      const value = map.get(key);
      if (value !== undefined) {
        out.push(value);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(tokens[i++]!);
  }
  return out.join(' ');
}

function mapOf(pairs: [string, string][]): { map: Map<string, string>; longest: number } {
  const map = new Map<string, string>();
  let longest = 1;
  for (const [key, value] of pairs) {
    const tokens = tokensOf(key);
    if (!tokens.length || tokens.length > 4) continue;
    longest = Math.max(longest, tokens.length);
    map.set(tokens.join('\u0000'), value);
  }
  return { map, longest };
}

/** A JSON array of strings: its items may hold brackets and commas. */
// No `[` inside its strings: a scan from one `[` then ends at the next, so all scans together are
// linear (with `[` allowed, an unclosed array rescanned the rest from every `[` in it).
const jsonArrayPattern = /\[\s*"(?:[^"\\\n[]|\\[^[])*"(?:\s*,\s*"(?:[^"\\\n[]|\\[^[])*")*\s*\]/g;
/** Any other bracketed list (`[const, total, =, items]`). */
const bracketPattern = /\[[^[\]]{8,20000}\]/g;

/**
 * Word lists written as arrays (`["const", "total", …]`, `[const, total, =, …]`), and the text
 * without them: index sequences elsewhere read through them.
 */
function arrayLists(text: string): { lists: string[][]; rest: string } {
  const lists: string[][] = [];
  const rest = text.replace(jsonArrayPattern, (m) => {
    try {
      const items = JSON.parse(m) as string[];
      if (items.length >= 4 && lists.length < 4) lists.push(items);
    } catch {
      // Not JSON after all.
    }
    return ' ';
  });
  // Lists of numbers are the indexes, not a word list.
  const indexes = (m: string) => /^\[[\d\s,]*\]$/.test(m);
  for (const m of rest.match(bracketPattern) ?? []) {
    if (lists.length >= 4) break;
    if (indexes(m)) continue;
    const items = m
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim().replace(/^["'`]|["'`]$/g, ''));
    if (items.length >= 4 && items.every((s) => s.length <= 40)) lists.push(items);
  }
  return { lists, rest: rest.replace(bracketPattern, (m) => (indexes(m) ? m : ' ')) };
}

/**
 * How many entries of a key the text holds: legend entries, numbered items and table rows, and
 * the items of word lists written as arrays. A reply that is mostly a key may unlock another.
 */
export function keyEntries(text: string): number {
  return (
    parseLegend(text).entries.length +
    arrayLists(text).lists.reduce((n, list) => n + list.length, 0)
  );
}

/**
 * A text read through its own legend: entries applied in both directions (`🍎 = a` turns 🍎 into
 * a; `a = 🍎` lists it the other way round), numbered word lists and arrays applied to the index
 * sequences of the rest (from 0 and from 1). At most 400 entries.
 */
export function legendReadings(text: string): string[] {
  const out: string[] = [];
  const { entries, rest } = parseLegend(text);
  if (entries.length >= 3) {
    const pairs = entries.slice(0, 400);
    for (const direction of [pairs, pairs.map(([k, v]) => [v, k] as [string, string])]) {
      const { map, longest } = mapOf(direction.filter(([k]) => k));
      // Applied to the lines that are not entries, and to the whole text (a line of indexes
      // reads like an entry: `Read: 1 2 3 4`).
      if (map.size >= 3) out.push(applyMap(rest, map, longest), applyMap(text, map, longest));
    }
  }
  const arrays = arrayLists(text);
  for (const list of arrays.lists) {
    for (const from of [0, 1]) {
      const map = new Map(list.slice(0, 2000).map((w, i) => [String(i + from), w]));
      out.push(applyMap(arrays.rest, map, 1));
    }
  }
  return out;
}

/** uuencoded lines (after `begin 644 name`): each line's first character gives its length. */
export function decodeUuencode(text: string): string[] {
  // Without its `begin` line, full lines (`M` and 60 characters, 45 bytes) still tell it.
  if (!/^begin [0-7]{3,4} /m.test(text) && (text.match(/^M[ -`]{60}$/gm) ?? []).length < 3)
    return [];
  const bytes: number[] = [];
  for (const line of text.split('\n')) {
    if (!/^[!-`][ -`]{4,}$/.test(line.trimEnd())) continue;
    const length = (line.charCodeAt(0) - 32) & 63;
    const body = line.slice(1);
    const lineBytes: number[] = [];
    for (let i = 0; i + 4 <= body.length + 3 && lineBytes.length < length; i += 4) {
      const c = [0, 1, 2, 3].map((k) => ((body.charCodeAt(i + k) || 32) - 32) & 63);
      lineBytes.push(
        (c[0]! << 2) | (c[1]! >> 4),
        ((c[1]! & 15) << 4) | (c[2]! >> 2),
        ((c[2]! & 3) << 6) | c[3]!,
      );
    }
    bytes.push(...lineBytes.slice(0, length));
  }
  return [Buffer.from(bytes).toString('utf8')];
}

const z85Alphabet =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const z85Value = new Map([...z85Alphabet].map((c, i) => [c, i]));

/** Groups of five base-85 digits to four bytes, at each of five alignments. */
function base85Groups(run: string, digit: (c: string) => number): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 5; shift++) {
    const bytes: number[] = [];
    for (let i = shift; i + 5 <= run.length; i += 5) {
      let value = 0;
      for (let k = 0; k < 5; k++) value = value * 85 + digit(run[i + k]!);
      if (value > 0xffffffff) continue;
      bytes.push(value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255);
    }
    out.push(Buffer.from(bytes).toString('utf8'));
  }
  return out;
}

/**
 * Ascii85 without its `<~ ~>` delimiters and Z85 (ZeroMQ's alphabet): runs of 20+ characters of
 * either alphabet (line breaks removed), decoded at every alignment; garbage decodes match nothing.
 */
export function decodeRawBase85(text: string): string[] {
  const out: string[] = [];
  const joined = text.replace(/\s*\n\s*/g, '');
  for (const run of joined.match(/[!-u]{20,}/g) ?? [])
    out.push(...base85Groups(run.replace(/^<~|~>$/g, ''), (c) => c.charCodeAt(0) - 33));
  for (const run of joined.match(/[0-9a-zA-Z.\-:+=^!/*?&<>()[\]{}@%$#]{20,}/g) ?? [])
    out.push(...base85Groups(run, (c) => z85Value.get(c) ?? 0));
  return out;
}

/** Quoted-printable with lower-case hex digits (`=3d`), which the upper-case reading leaves alone. */
export function decodeQuotedPrintableLower(text: string): string {
  if (!/=[0-9a-f]{2}/.test(text)) return '';
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Pattern of repeats: for every letter, digit or symbol (whitespace and ASCII punctuation
 * dropped, case ignored), how far back the same one last stood (1-34), or `_`. Any one-for-one
 * substitution (emoji or symbols for letters, a shuffled alphabet) leaves it unchanged, so it
 * stands for every substitution alphabet, with or without a legend.
 */
export function repeatPattern(text: string): string {
  const symbols = text.toLowerCase().match(symbolPattern) ?? [];
  return patternOf(symbols.filter((c) => !/^[\s!-/:-@[-`{-~]$/.test(c)));
}

/**
 * One symbol as a reader sees it: a character with its marks, variation selectors, skin tones
 * and tags, and whatever a zero-width joiner adds to it (`❤️`, `1️⃣`, `👩‍💻` are one each), or a
 * pair of regional indicators (a flag).
 */
const symbolPattern =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: skin tones and tags, each meant alone
  /\p{RI}\p{RI}|[^\p{M}\u200D](?:[\p{M}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\u200D[^\p{M}\u200D])*/gsu;

/** The pattern of repeats of a sequence of keys (characters, or whole tokens). */
export function patternOf(keys: Iterable<string>): string {
  const last = new Map<string, number>();
  let out = '';
  let i = 0;
  for (const key of keys) {
    const before = last.get(key);
    const d = before === undefined ? 99 : i - before;
    out += d <= 34 ? String.fromCharCode(d < 10 ? 48 + d : 87 + d) : '_';
    last.set(key, i++);
  }
  return out;
}

const keyOrder = new Intl.Collator('en', { numeric: true });

/**
 * Pieces scattered over a structure or among decoys: the string literals' contents (JSON values
 * and array items; object keys left out) in order, and in their keys' order (numbers by value);
 * and every other line (code lines interleaved with decoy lines), from the first and from the
 * second.
 */
export function scatteredPieces(text: string): string[] {
  const out: string[] = [];
  const values: string[] = [];
  const keyed: [string, string][] = [];
  let key: string | undefined;
  // Strings of at most 200 characters: an unclosed quote costs a bounded scan, not the rest.
  for (const m of text.matchAll(
    /"((?:[^"\\\n]|\\.){0,200})"\s*(:?)|'((?:[^'\\\n]|\\.){0,200})'\s*(:?)/g,
  )) {
    const content = m[1] ?? m[3] ?? '';
    if (m[2] || m[4]) {
      key = content.length <= 40 ? content : undefined;
      continue;
    }
    const value = content.replace(/\\(.)/g, (_e, c: string) => (c === 'n' ? '\n' : c));
    values.push(value);
    if (key !== undefined) keyed.push([key, value]);
    key = undefined;
  }
  if (values.length >= 4) out.push(values.join(' '));
  // In the keys' order (`"2"` before `"10"`, `"aa"` before `"ab"`): fields written out of order.
  if (keyed.length >= 4)
    out.push(
      keyed
        .sort((a, b) => keyOrder.compare(a[0], b[0]))
        .map(([, v]) => v)
        .join(' '),
    );
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length >= 8)
    for (const parity of [0, 1]) out.push(lines.filter((_, i) => i % 2 === parity).join('\n'));
  return out;
}
