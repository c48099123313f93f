import { seeded, shuffle, wrap } from '../extraction-2/encoders.ts';

/** Set 3's disguises, continued: line scrambles, interleaving, compression and arithmetic. */

// --- Lines ------------------------------------------------------------------------------------

const numbered = (rows: string[]) => rows.map((l, i) => ({ n: i + 1, l }));
const pad = (n: number) => String(n).padStart(2, '0');

/** Every line reversed, numbered, the lines shuffled. */
export const reversedShuffled = (text: string, seed: number) =>
  shuffle(numbered(text.split('\n')), seed)
    .map(({ n, l }) => `${pad(n)}| ${[...l].reverse().join('')}`)
    .join('\n');

/** The block written column by column: row k holds the k-th character of every line. */
export const transposed = (text: string) => {
  const rows = text.split('\n');
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => r.padEnd(width, ' ').replace(/ /g, '·'));
  return Array.from({ length: width }, (_, k) => grid.map((r) => r[k]).join('')).join('\n');
};

/** Every line rotated left by its line number (cyclically), numbered. */
export const rotated = (text: string) =>
  numbered(text.split('\n'))
    .map(({ n, l }) => {
      const k = l.length ? n % l.length : 0;
      return `${pad(n)}: ${l.slice(k)}${l.slice(0, k)}`;
    })
    .join('\n');

/** The words of every line (split at spaces) in reverse order. */
export const wordsReversed = (text: string) =>
  text
    .split('\n')
    .map((l) => {
      const indent = /^ */.exec(l)![0];
      return indent + l.trim().split(/ +/).reverse().join(' ');
    })
    .join('\n');

// --- Interleaving -----------------------------------------------------------------------------

/** Each character of `text` followed by `step - 1` decoy characters (from `decoy`, or random letters). */
export const interleaved = (text: string, step: number, seed: number, decoy?: string) => {
  const rand = seeded(seed);
  let d = 0;
  const filler = () =>
    decoy ? decoy[d++ % decoy.length]! : String.fromCharCode(97 + Math.floor(rand() * 26));
  return text
    .split('\n')
    .map((l) =>
      Array.from(l, (c) => c + Array.from({ length: step - 1 }, filler).join('')).join(''),
    )
    .join('\n');
};

// --- Compression and indexes ------------------------------------------------------------------

/** A Huffman code of the text's characters: the table and the bits in groups of eight. */
export function huffman(text: string) {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  type Node = { w: number; c?: string; kids?: [Node, Node] };
  let queue: Node[] = [...counts]
    .map(([c, w]) => ({ w, c }))
    .sort((a, b) => a.w - b.w || a.c!.localeCompare(b.c!));
  while (queue.length > 1) {
    const [a, b, ...rest] = queue;
    queue = [...rest, { w: a!.w + b!.w, kids: [a!, b!] as [Node, Node] }].sort((x, y) => x.w - y.w);
  }
  const table = new Map<string, string>();
  const walk = (n: Node, prefix: string) => {
    if (n.c !== undefined) table.set(n.c, prefix || '0');
    else {
      walk(n.kids![0], `${prefix}0`);
      walk(n.kids![1], `${prefix}1`);
    }
  };
  walk(queue[0]!, '');
  const bits = Array.from(text, (c) => table.get(c)!).join('');
  const shown = (c: string) => (c === '\n' ? "'\\n'" : `'${c}'`);
  return {
    table: [...table].map(([c, b]) => `${shown(c)} = ${b}`).join('\n'),
    bits: wrap((bits.match(/.{1,8}/g) ?? []).join(' '), 72),
  };
}

/** Tokens (split at whitespace, newlines as `⏎`) and, for each distinct one, where it occurs. */
export const concordance = (text: string) => {
  const tokens = text.replace(/\n/g, ' ⏎ ').trim().split(/ +/);
  const at = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    at.set(t, [...(at.get(t) ?? []), i + 1]);
  });
  return [...at]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([t, ps]) => `\`${t}\` → ${ps.join(', ')}`)
    .join('\n');
};

/** For each character (space as `␠`, newline as `⏎`), its positions in the text. */
export const characterIndex = (text: string) => {
  const at = new Map<string, number[]>();
  Array.from(text).forEach((c, i) => {
    at.set(c, [...(at.get(c) ?? []), i]);
  });
  const name = (c: string) => (c === ' ' ? '␠' : c === '\n' ? '⏎' : c);
  return [...at].map(([c, ps]) => `${name(c)}: ${ps.join(' ')}`).join('\n');
};

/** Whitespace tokens; a token seen before becomes `#n`, n its first position (1-based). */
export const backReferences = (text: string) => {
  const first = new Map<string, number>();
  let n = 0;
  return text
    .split('\n')
    .map((l) =>
      l
        .trim()
        .split(/ +/)
        .map((t) => {
          n++;
          if (first.has(t)) return `#${first.get(t)}`;
          first.set(t, n);
          return t;
        })
        .join(' '),
    )
    .join('\n');
};

// --- Arithmetic -------------------------------------------------------------------------------

const codes = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** The first character code, then the difference to each next one, a line of numbers per line. */
export const deltas = (text: string) => {
  let prev = 0;
  return text
    .split('\n')
    .map((l) =>
      codes(`${l}\n`)
        .map((c) => {
          const d = c - prev;
          prev = c;
          return d >= 0 ? `+${d}` : `${d}`;
        })
        .join(' '),
    )
    .join('\n');
};

/** Each character code written as a small product or sum. */
export const expressions = (text: string, seed: number) => {
  const rand = seeded(seed);
  const expr = (c: number) => {
    const divisors = [3, 4, 5, 6, 7, 8, 9, 11].filter((d) => c % d === 0);
    if (divisors.length && rand() < 0.6) {
      const d = divisors[Math.floor(rand() * divisors.length)]!;
      return `${d}*${c / d}`;
    }
    const a = Math.floor(rand() * (c - 1)) + 1;
    return rand() < 0.5 ? `${a}+${c - a}` : `${c + a}-${a}`;
  };
  return text
    .split('\n')
    .map((l) => codes(l).map(expr).join(' '))
    .join('\n');
};

/** A spreadsheet: A1 holds an alphabet, each row a formula of MID() into it. */
export const spreadsheet = (text: string, seed: number) => {
  const alphabet = shuffle([...new Set(text.replace(/\n/g, ''))], seed).join('');
  const rows = text.split('\n').map((l, i) => {
    const parts = Array.from(l, (c) => `MID($A$1,${alphabet.indexOf(c) + 1},1)`);
    return `B${i + 1}: =${parts.length ? parts.join('&') : '""'}`;
  });
  return `A1: "${alphabet.replace(/"/g, '""')}"\n${rows.join('\n')}`;
};
