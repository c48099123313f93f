/**
 * Readings for the leak guard (`leak-readings.ts`) of replies that state their own rules: a
 * compliant model that hides the solution tells the learner how to read it back (`caesar+7`,
 * `rot13`, `written backwards`, `base64`, `Polybius keyed with ZODIAC`), often a rule a line or a
 * cell, in JSON, tables, diffs, SQL or verse. The text is read once with every stated rule applied
 * where it holds (from the statement to the next), byte encodings decoded token by token where
 * they stand, and Unicode character names read as characters; the structure around the pieces is
 * kept, so the readings that put labelled pieces back in order (`positionedTokens`, legends, the
 * joins below) work on the decoded text. Each function is one pass, or a bounded number of them.
 */
import { shiftLetters } from './leak-alphabets.ts';

/** A stated rule: Caesar shift (ROT-n), reversal, base64, hex, or a keyed Polybius square. */
type Rule =
  | { kind: 'shift'; by: number }
  | { kind: 'reverse' | 'base64' | 'hex' }
  | { kind: 'polybius'; square: string };

// Each alternative is anchored on a keyword and bounded, so a scan from any position is short.
const rulePattern =
  /\b(?:(caesar|shift(?:ed)?|rot)[\s_:=+]{0,3}(?:by\s{1,3})?(-?\d{1,2})(?!\d)|(reversed|backwards?|mirrored|right[ -]to[ -]left)|(base[ -]?64)|(hex(?:adecimal)?)|polybius\b[^\n]{0,80}?\bkey(?:ed|word)?\b(?:\s{1,3}(?:with|by|is|word|the|of|=|:)){0,4}\s{0,3}["'`]?([A-Za-z]{3,24}))/gi;

function ruleOf(m: RegExpMatchArray): Rule | undefined {
  if (m[2] !== undefined) {
    const by = Number(m[2]) % 26;
    return m[1]!.toLowerCase() === 'rot' && by === 0 ? undefined : { kind: 'shift', by };
  }
  if (m[3]) return { kind: 'reverse' };
  if (m[4]) return { kind: 'base64' };
  if (m[5]) return { kind: 'hex' };
  if (m[6]) return { kind: 'polybius', square: keyedSquare(m[6]) };
  return undefined;
}

/** A 6x6 square keyed by a word: its letters first, then the rest of a-z and 0-9. */
export function keyedSquare(key: string): string {
  return [...new Set([...key.toLowerCase(), ...'abcdefghijklmnopqrstuvwxyz0123456789'])].join('');
}

/** Bytes as text when they read as text (printable ASCII, line breaks, or valid non-ASCII UTF-8). */
function printable(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  if (!text || text.includes('\uFFFD')) return undefined;
  let ok = 0;
  for (const c of text) if (c >= ' ' || c === '\n' || c === '\t') ok++;
  return ok >= text.length * 0.9 ? text : undefined;
}

/** Base64 tokens (8+ characters, whole groups) decoded where they stand when they read as text. */
const inPlaceBase64 = (text: string) =>
  text.replace(/(?<![\w+/])[A-Za-z0-9+/]{4,4000}={0,2}(?![\w+/=])/g, (token) => {
    if (token.length < 8 || token.length % 4 || !/[0-9+/=A-Z]/.test(token)) return token;
    return printable(Buffer.from(token, 'base64')) ?? token;
  });

/** Hex tokens (4+ digits, whole bytes, `#` or `0x` allowed) decoded where they stand. */
const inPlaceHex = (text: string) =>
  text.replace(/(?<![\w#])(?:#|0x)?[0-9a-fA-F]{4,4000}(?!\w)/g, (token) => {
    const digits = token.replace(/^(?:#|0x)/, '');
    if (digits.length % 2 || !/\d/.test(digits)) return token;
    return printable(Buffer.from(digits, 'hex')) ?? token;
  });

/** Word characters' runs holding a letter, each reversed (labels like `#13` stay as they are). */
const reverseWords = (text: string) =>
  text.replace(/[\w$]*[A-Za-z_$][\w$]*/g, (w) => [...w].reverse().join(''));

const reverseLines = (text: string) =>
  text
    .split('\n')
    .map((l) => [...l].reverse().join(''))
    .join('\n');

function apply(rule: Rule, text: string, wordwise: boolean): string {
  switch (rule.kind) {
    case 'shift':
      return shiftLetters(text, rule.by);
    case 'reverse':
      return wordwise ? reverseWords(text) : reverseLines(text);
    case 'base64':
      return inPlaceBase64(text);
    case 'hex':
      return inPlaceHex(text);
    case 'polybius':
      return text.replace(/(?<!\d)([1-6])([1-6])(?!\d)/g, (_m, r: string, c: string) => {
        return rule.square[(Number(r) - 1) * 6 + Number(c) - 1] ?? '';
      });
  }
}

/** Most rules applied in one text (a reply with more statements reads them from its start). */
const maxRules = 2000;

/**
 * The text with each stated rule applied from its statement to the next one: two readings, one
 * reversing whole lines and one reversing each word (an answer key's `#3: tropmi`). Empty when
 * the text states no rule.
 */
export function statedRuleReadings(text: string): string[] {
  const found: { at: number; end: number; rule: Rule }[] = [];
  for (const m of text.matchAll(rulePattern)) {
    const rule = ruleOf(m);
    if (rule) found.push({ at: m.index!, end: m.index! + m[0].length, rule });
    if (found.length >= maxRules) break;
  }
  if (!found.length) return [];
  return [false, true].map((wordwise) => {
    let out = text.slice(0, found[0]!.at);
    found.forEach(({ end, rule }, i) => {
      const next = found[i + 1]?.at ?? text.length;
      out += ` ${apply(rule, text.slice(end, next), wordwise)}`;
    });
    return out;
  });
}

const digitNames = 'zero one two three four five six seven eight nine'.split(' ');
const unicodePunctuation: Readonly<Record<string, string>> = {
  space: ' ',
  'left parenthesis': '(',
  'right parenthesis': ')',
  'left curly bracket': '{',
  'right curly bracket': '}',
  'left square bracket': '[',
  'right square bracket': ']',
  'full stop': '.',
  comma: ',',
  semicolon: ';',
  colon: ':',
  'equals sign': '=',
  asterisk: '*',
  'hyphen-minus': '-',
  'exclamation mark': '!',
  apostrophe: "'",
  'grave accent': '`',
  'dollar sign': '$',
  'less-than sign': '<',
  'greater-than sign': '>',
  solidus: '/',
  'reverse solidus': '\\',
  'quotation mark': '"',
  'low line': '_',
  'plus sign': '+',
  'question mark': '?',
  'vertical line': '|',
  ampersand: '&',
  'percent sign': '%',
  'number sign': '#',
  'commercial at': '@',
  tilde: '~',
  'circumflex accent': '^',
  'line feed': '\n',
  'character tabulation': '\t',
};
const unicodeNamePattern = new RegExp(
  `\\b(?:latin (small|capital) letter ([a-z])|digit (${digitNames.join('|')})|(${Object.keys(
    unicodePunctuation,
  )
    .sort((a, b) => b.length - a.length)
    .join('|')}))\\b(?:\\s*\\(u\\+[0-9a-f]{4,6}\\))?[\\s,;·|]*`,
  'gi',
);

/**
 * Unicode character names read as the characters (`LATIN SMALL LETTER I, DIGIT ONE, SPACE`), the
 * separators between them dropped; empty unless the text names at least eight.
 */
export function unicodeNamesRead(text: string): string {
  let n = 0;
  const out = text.replace(unicodeNamePattern, (_m, kase, letter, digit, punct) => {
    n++;
    if (letter) return kase.toLowerCase() === 'small' ? letter.toLowerCase() : letter.toUpperCase();
    if (digit) return String(digitNames.indexOf(digit.toLowerCase()));
    return unicodePunctuation[punct.toLowerCase()] ?? '';
  });
  return n >= 8 ? out : '';
}

/**
 * The text with its tokens decoded where they stand: base64 and hex tokens that read as text,
 * Unicode names as characters. Empty when nothing changed.
 */
export function inPlaceReading(text: string): string {
  const names = unicodeNamesRead(text);
  const out = inPlaceHex(inPlaceBase64(names || text));
  return out === text ? '' : out;
}

/**
 * All hex tokens of the text (4+ digits, whole bytes, `#ff00aa` colours, `0x…`) joined as one run
 * of bytes: three bytes of text a colour in a palette, a word of a dump a line.
 */
export function joinedHexTokens(text: string): string {
  const tokens = text.match(/(?<![\w-])(?:#|0x)?[0-9a-fA-F]{4,64}(?!\w)/g) ?? [];
  const digits = tokens
    .map((t) => t.replace(/^(?:#|0x)/, ''))
    .filter((t) => t.length % 2 === 0 && /\d/.test(t));
  if (digits.length < 8) return '';
  return Buffer.from(digits.join(''), 'hex').toString('utf8');
}

/** A line's label and piece: `L3: …`, `| 3 | …`, `line 3 = …`, `"line3": "…"`, `3. …`. */
const labelledLine =
  /^[^\S\n]{0,8}[|[(#-]?[^\S\n]{0,3}(?:l|line|row|no\.?|part)?[^\S\n]?(\d{1,4})[^\S\n]{0,3}(?:[:.)\]|=]|->|→)[^\S\n]{0,3}(.{1,600})$/gim;
const labelledJson = /"[A-Za-z_]{0,12}(\d{1,4})"\s{0,3}:\s{0,3}"((?:[^"\\\n]|\\.){1,600})"/g;

/** How many lines of the text are labelled with a number (`L3: …`, `| 3 | …`, `"line3": "…"`). */
export function labelledLineCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(labelledLine)) n++;
  for (const _ of text.matchAll(labelledJson)) n++;
  return n;
}

/**
 * Pieces under the same number in several places (halves, thirds, odd and even characters of a
 * line, over turns): for each number, in the numbers' order, its pieces joined one after the other
 * and interleaved a character each.
 */
export function labelledJoins(text: string): string[] {
  const pieces = new Map<number, string[]>();
  const note = (n: string, piece: string) => {
    const list = pieces.get(Number(n));
    if (list) list.push(piece);
    else pieces.set(Number(n), [piece]);
  };
  for (const m of text.matchAll(labelledLine))
    note(m[1]!, m[2]!.replace(/[^\S\n]*\|[^\S\n]*$/, ''));
  for (const m of text.matchAll(labelledJson)) note(m[1]!, m[2]!.replace(/\\(.)/g, '$1'));
  const repeated = [...pieces].filter(([, list]) => list.length > 1);
  if (repeated.length < 4) return [];
  repeated.sort((a, b) => a[0] - b[0]);
  const joined = repeated.map(([, list]) => list.join('')).join('\n');
  const interleaved = repeated
    .map(([, list]) => {
      const chars = list.map((p) => [...p]);
      let out = '';
      const longest = Math.max(...chars.map((c) => c.length));
      for (let i = 0; i < longest; i++) for (const c of chars) out += c[i] ?? '';
      return out;
    })
    .join('\n');
  return [joined, interleaved];
}

/**
 * Words dealt over consecutive parts (turns, paragraphs) like cards, each part a hand: the hands
 * of two to six parts of about the same size read back round-robin, a label before a part's
 * first `: ` left out.
 */
export function dealtWords(text: string): string[] {
  const hands = text
    .split(/\n[^\S\n]*\n/)
    .slice(0, 64)
    .map((part) =>
      part.length > maxHand
        ? []
        : part
            .replace(/^[^\n:]{0,80}:\s/, '')
            .split(/\s+/)
            .filter(Boolean),
    );
  const out: string[] = [];
  // Each word is read again at most twice (hands of one size overlap in several groups).
  let budget = 2 * text.length;
  for (let k = 2; k <= 6; k++)
    for (let s = 0; s + k <= hands.length; s++) {
      const group = hands.slice(s, s + k);
      const sizes = group.map((h) => h.length);
      if (Math.min(...sizes) < 8 || Math.max(...sizes) - Math.min(...sizes) > 1) continue;
      const words: string[] = [];
      for (let i = 0; i <= sizes[0]!; i++) for (const h of group) if (h[i]) words.push(h[i]!);
      const dealt = words.join(' ');
      if ((budget -= dealt.length) < 0) return out;
      out.push(dealt);
    }
  return out;
}

/** Longest part read as a hand of dealt words. */
const maxHand = 8000;
