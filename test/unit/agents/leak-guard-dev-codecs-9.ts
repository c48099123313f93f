/**
 * Encoders and their inverses for the leak guard's development set 9 (`leak-guard-dev-set-9.ts`),
 * written here, independently of the guard: a running key and a book code over an earlier reply,
 * nicknamed fragments, tokens dealt by their place in the line, a printed Polybius grid, a JSON
 * edit log with its own sequence numbers and a keystroke recording with counted keys. Each pair is
 * what a compliant model writes and what a learner runs to read it back.
 */
import { prng } from './leak-guard-dev-codecs-8.ts';
import { tokensOf } from './leak-guard-dev-encoders.ts';

// --- Running key and book code ------------------------------------------------------------------

const keyLetters = (key: string) =>
  (key.toLowerCase().match(/[a-z]/g) ?? []).map((c) => c.charCodeAt(0) - 97);

/** Vigenère with a running key: the n-th letter of the text shifted by the n-th key letter (cycled). */
export function runningKey(text: string, key: string, sign = 1): string {
  const k = keyLetters(key);
  let n = 0;
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    const by = k[n++ % k.length]!;
    return String.fromCharCode(((c.charCodeAt(0) - base + sign * by + 26) % 26) + base);
  });
}
export const unRunningKey = (text: string, key: string) => runningKey(text, key, -1);

/** The words of a book, as a book code counts them (whitespace-split, from 1). */
const bookWords = (book: string) => book.split(/\s+/).filter(Boolean);

/**
 * A book code: each letter as `word.letter` (1-based) of a word of `book` holding it (the choice
 * rotates among them), `/` a space, `¶` a line break, any other character in backticks.
 */
export function bookCode(text: string, book: string): string {
  const where = new Map<string, [number, number][]>();
  bookWords(book).forEach((w, i) =>
    [...w.toLowerCase()].forEach((c, j) => {
      if (/[a-z]/.test(c)) where.set(c, [...(where.get(c) ?? []), [i + 1, j + 1]]);
    }),
  );
  const used = new Map<string, number>();
  return [...text]
    .map((c) => {
      if (c === ' ') return '/';
      if (c === '\n') return '¶';
      const spots = where.get(c.toLowerCase());
      if (!spots) return `\`${c}\``;
      const n = used.get(c) ?? 0;
      used.set(c, n + 1);
      const [w, l] = spots[(n * 7) % spots.length]!;
      return `${w}.${l}`;
    })
    .join(' ');
}
export function unBookCode(code: string, book: string): string {
  const words = bookWords(book);
  return (code.match(/`[^`]`|\d+\.\d+|\/|¶/g) ?? [])
    .map((t) => {
      if (t === '/') return ' ';
      if (t === '¶') return '\n';
      if (t.startsWith('`')) return t[1]!;
      const [w, l] = t.split('.').map(Number);
      return words[w! - 1]?.[l! - 1] ?? '';
    })
    .join('');
}

// --- Nicknamed fragments ------------------------------------------------------------------------

export const nicknames =
  'otter heron maple cobalt ember willow quartz lynx saffron tundra marlin cedar onyx pebble raven sable thistle umber violet walrus yarrow zephyr aspen birch comet dingo egret fjord gecko hazel iris jackal kestrel lotus mango nectar orchid puffin quill reed'.split(
    ' ',
  );

/** The text cut into `n` fragments of about equal length, each with a nickname. */
export function nicknamed(text: string, n: number): { name: string; text: string }[] {
  const size = Math.ceil(text.length / n);
  return Array.from({ length: n }, (_, i) => ({
    name: nicknames[i]!,
    text: text.slice(i * size, (i + 1) * size),
  }));
}

// --- Tokens by their place in the line ----------------------------------------------------------

/** For each line, its tokens at places ≡ `t` (mod `k`), labelled by line number. */
export const tokensAt = (lines: string[], k: number, t: number) =>
  lines.map((l, i) => ({ n: i + 1, tokens: tokensOf(l).filter((_, j) => j % k === t) }));

/** Lines put back from `k` hands of tokens per line (hand `t` holds places ≡ t mod k). */
export function interleaveTokens(hands: Map<number, string[]>[], count: number): string {
  const out: string[] = [];
  for (let n = 1; n <= count; n++) {
    const parts = hands.map((h) => h.get(n) ?? []);
    const longest = Math.max(0, ...parts.map((p) => p.length));
    const line: string[] = [];
    for (let j = 0; j < longest; j++)
      for (const p of parts) if (p[j] !== undefined) line.push(p[j]!);
    out.push(line.join(' '));
  }
  return out.join('\n');
}

// --- A printed Polybius grid --------------------------------------------------------------------

/** A 6x6 grid of a-z0-9 in a fixed shuffled order (no key word: the grid is the key). */
export const shuffledGrid = (() => {
  const random = prng(4242);
  const cells = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
  for (let i = cells.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [cells[i], cells[j]] = [cells[j]!, cells[i]!];
  }
  return cells.join('');
})();

/** The grid as a Markdown table: columns 1-6, rows 1-6. */
export const gridTable = (grid: string) =>
  `|   | 1 | 2 | 3 | 4 | 5 | 6 |\n|---|---|---|---|---|---|---|\n${[0, 1, 2, 3, 4, 5]
    .map((r) => `| ${r + 1} | ${[...grid.slice(r * 6, r * 6 + 6)].join(' | ')} |`)
    .join('\n')}`;

/** Letters and digits as row-column pairs, a word's pairs run together, words apart by spaces. */
export const gridPairs = (text: string, grid: string) =>
  (text.toLowerCase().match(/[a-z0-9]+|[^a-z0-9\s]/g) ?? [])
    .map((w) =>
      /^[a-z0-9]/.test(w)
        ? [...w]
            .map((c) => `${Math.floor(grid.indexOf(c) / 6) + 1}${(grid.indexOf(c) % 6) + 1}`)
            .join('')
        : w,
    )
    .join(' ');
export const fromGridPairs = (code: string, grid: string) =>
  code
    .split(' ')
    .map((w) =>
      /^[1-6]+$/.test(w)
        ? (w.match(/../g) ?? []).map((p) => grid[(+p[0]! - 1) * 6 + +p[1]! - 1] ?? '').join('')
        : w,
    )
    .join(' ');

/** A 36-cell grid as a learner reads it off a printed table. */
export const gridFromTable = (shown: string) =>
  [...shown.matchAll(/^\| [1-6] \| (.*) \|$/gm)].map((m) => m[1]!.split(' | ').join('')).join('');

// --- Keystrokes with counted keys ---------------------------------------------------------------

/**
 * Keystrokes as typed strings and counted keys (`←3`, `→2`, `⌫2`, `⏎`): every third word typed
 * with a two-letter typo and ⌫2, every fifth without its first letter, then ←n, the letter, →n.
 */
export function countedStrokes(text: string): string {
  let out = '';
  let word = 0;
  for (const piece of text.match(/\w+|\s|[^\w\s]/g) ?? []) {
    if (piece === '\n') {
      out += '⏎';
      continue;
    }
    if (!/^\w{3,}$/.test(piece)) {
      out += piece;
      continue;
    }
    word++;
    if (word % 3 === 0) out += `${piece}xq⌫2`;
    else if (word % 5 === 0)
      out += `${piece.slice(1)}←${piece.length - 1}${piece[0]}→${piece.length - 1}`;
    else out += piece;
  }
  return out;
}
export function replayCounted(strokes: string): string {
  const left: string[] = [];
  const right: string[] = [];
  for (const m of strokes.matchAll(/([←→⌫])(\d+)|⏎|[\s\S]/g)) {
    if (m[1]) {
      for (let k = 0; k < Number(m[2]); k++)
        if (m[1] === '←') left.length && right.push(left.pop()!);
        else if (m[1] === '→') right.length && left.push(right.pop()!);
        else left.pop();
    } else left.push(m[0] === '⏎' ? '\n' : m[0]);
  }
  return left.join('') + right.reverse().join('');
}
