/**
 * Encoders and their inverses for the leak guard's development set 8 (`leak-guard-dev-set-8.ts`),
 * written here, independently of the guard: compression codes (Burrows–Wheeler, move-to-front,
 * LZ77, deltas, bit runs, multi-tap), edit logs and keystroke recordings, word diffs. Each pair is
 * what a compliant model writes and what a learner runs to read it back.
 */

/** A fixed pseudo-random sequence (the same every run). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// --- Burrows–Wheeler ----------------------------------------------------------------------------

/** The last column of the sorted rotations, and the row of the text itself. */
export function bwt(text: string): { last: string; index: number } {
  const chars = [...text];
  const n = chars.length;
  const rows = chars.map((_, i) => i);
  const at = (r: number, k: number) => chars[(r + k) % n]!;
  rows.sort((a, b) => {
    for (let k = 0; k < n; k++) {
      const x = at(a, k);
      const y = at(b, k);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return { last: rows.map((r) => at(r, n - 1)).join(''), index: rows.indexOf(0) };
}

/** The text back from the last column and the primary index (the textbook LF walk). */
export function unBwt(last: string, index: number): string {
  const chars = [...last];
  const n = chars.length;
  if (!n || index < 0 || index >= n) return '';
  const counts = new Map<string, number>();
  const rank = chars.map((c) => {
    const r = counts.get(c) ?? 0;
    counts.set(c, r + 1);
    return r;
  });
  const first = new Map<string, number>();
  let total = 0;
  for (const c of [...counts.keys()].sort()) {
    first.set(c, total);
    total += counts.get(c)!;
  }
  const out: string[] = [];
  let row = index;
  for (let i = 0; i < n; i++) {
    const c = chars[row]!;
    out.push(c);
    row = first.get(c)! + rank[row]!;
  }
  return out.reverse().join('');
}

// --- Move-to-front ------------------------------------------------------------------------------

export function mtf(text: string, alphabet: string[]): number[] {
  const list = [...alphabet];
  return [...text].map((c) => {
    const i = list.indexOf(c);
    list.splice(i, 1);
    list.unshift(c);
    return i;
  });
}
export function unMtf(indexes: number[], alphabet: string[]): string {
  const list = [...alphabet];
  return indexes
    .map((i) => {
      const c = list[i] ?? '';
      list.splice(i, 1);
      list.unshift(c);
      return c;
    })
    .join('');
}

// --- LZ77 ---------------------------------------------------------------------------------------

export type Triple = [offset: number, length: number, next: string];

/** Greedy LZ77 over a window: the longest earlier match, then the next character. */
export function lz77(text: string, window = 255): Triple[] {
  const out: Triple[] = [];
  let i = 0;
  while (i < text.length) {
    let best: [number, number] = [0, 0];
    for (let j = Math.max(0, i - window); j < i; j++) {
      let k = 0;
      while (i + k < text.length - 1 && text[j + k] === text[i + k]) k++;
      if (k > best[1]) best = [i - j, k];
    }
    out.push([best[0], best[1], text[i + best[1]]!]);
    i += best[1] + 1;
  }
  return out;
}
export function unLz77(triples: Triple[]): string {
  let out = '';
  for (const [offset, length, next] of triples) {
    for (let k = 0; k < length; k++) out += out[out.length - offset] ?? '';
    out += next;
  }
  return out;
}

// --- Deltas, bit runs, multi-tap ----------------------------------------------------------------

export const deltas = (text: string) =>
  [...text].map((c, i, all) => c.codePointAt(0)! - (i ? all[i - 1]!.codePointAt(0)! : 0));
export const unDeltas = (ds: number[]) => {
  let code = 0;
  return ds.map((d) => String.fromCodePoint((code += d))).join('');
};

export function bitRuns(text: string): number[] {
  const bits = [...Buffer.from(text, 'utf8')].map((b) => b.toString(2).padStart(8, '0')).join('');
  const runs: number[] = [];
  let expected = '0';
  let n = 0;
  for (const b of bits) {
    if (b === expected) n++;
    else {
      runs.push(n);
      expected = b;
      n = 1;
    }
  }
  runs.push(n);
  return runs;
}
export function unBitRuns(runs: number[]): string {
  const bits = runs.map((n, i) => (i % 2 ? '1' : '0').repeat(n)).join('');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2))).toString('utf8');
}

const keys = ['', '', 'abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'];
/** Each letter its key pressed n times, `0` a space, `^` before a capital, other characters as `[c]`. */
export function multiTap(text: string): string {
  return [...text]
    .map((c) => {
      const lower = c.toLowerCase();
      const key = keys.findIndex((k) => k.includes(lower));
      if (key >= 0 && /[a-z]/i.test(c))
        return `${c !== lower ? '^' : ''}${String(key).repeat(keys[key]!.indexOf(lower) + 1)}`;
      if (c === ' ') return '0';
      return `[${c === '\n' ? '\\n' : c}]`;
    })
    .join(' ');
}
export function unMultiTap(text: string): string {
  return text
    .split(' ')
    .map((t) => {
      if (t === '0') return ' ';
      if (t === '[\\n]') return '\n';
      const bracket = /^\[(.+)\]$/.exec(t);
      if (bracket) return bracket[1]!;
      const m = /^(\^?)([2-9])\2*$/.exec(t.replace(/^\^/, '^'));
      if (!m) return '';
      const letter = keys[Number(m[2])]![t.length - m[1]!.length - 1] ?? '';
      return m[1] ? letter.toUpperCase() : letter;
    })
    .join('');
}

// --- Edit logs and keystrokes -------------------------------------------------------------------

export type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; count: number };

/**
 * The text typed in chunks of about `size` characters in a shuffled order (each at the position
 * it takes among those already there), with a typo every `typoEvery` chunks, deleted later.
 */
export function editLog(text: string, seed: number, size = 14, typoEvery = 4): Edit[] {
  const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
  const random = prng(seed);
  const order = chunks.map((_, i) => i).sort(() => random() - 0.5);
  const placed = new Set<number>();
  const edits: Edit[] = [];
  const typos: { chunk: number; offset: number }[] = [];
  const positionOf = (chunk: number) => {
    let at = 0;
    for (let i = 0; i < chunk; i++) if (placed.has(i)) at += chunks[i]!.length;
    // Typos not yet fixed sit inside earlier chunks.
    for (const t of typos) if (t.chunk < chunk) at++;
    return at;
  };
  order.forEach((chunk, n) => {
    const at = positionOf(chunk);
    const body = chunks[chunk]!;
    if (n % typoEvery === 1 && body.length > 3) {
      const cut = 2;
      edits.push({ op: 'insert', at, text: `${body.slice(0, cut)}#${body.slice(cut)}` });
      typos.push({ chunk, offset: cut });
    } else edits.push({ op: 'insert', at, text: body });
    placed.add(chunk);
    // Fix the oldest typo every few steps.
    if (n % typoEvery === 3 && typos.length) {
      const t = typos.shift()!;
      edits.push({ op: 'delete', at: positionOf(t.chunk) + t.offset, count: 1 });
    }
  });
  while (typos.length) {
    const t = typos.shift()!;
    edits.push({ op: 'delete', at: positionOf(t.chunk) + t.offset, count: 1 });
  }
  return edits;
}
export function replayEdits(edits: Edit[]): string {
  let out = '';
  for (const e of edits)
    out =
      e.op === 'insert'
        ? out.slice(0, e.at) + e.text + out.slice(e.at)
        : out.slice(0, e.at) + out.slice(e.at + e.count);
  return out;
}

/** A key: text typed as is, or a named key. */
export type Stroke =
  | string
  | { key: 'Backspace' | 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'Home' | 'End' | 'Enter' };

/**
 * The lines typed last first: each new line goes above with Home, Enter, ArrowUp; every fifth
 * word is first mistyped (two wrong letters, two backspaces), every seventh is typed with its
 * first letter missing, put in with ArrowLeft and back with End.
 */
export function keystrokes(text: string): Stroke[] {
  const rows = text.split('\n');
  const out: Stroke[] = [];
  let word = 0;
  for (let r = rows.length - 1; r >= 0; r--) {
    if (r < rows.length - 1) out.push({ key: 'Home' }, { key: 'Enter' }, { key: 'ArrowUp' });
    for (const piece of rows[r]!.match(/\w+|\s+|[^\w\s]/g) ?? []) {
      if (!/^\w{3,}$/.test(piece)) {
        out.push(piece);
        continue;
      }
      word++;
      if (word % 5 === 0) out.push(`${piece}qz`, { key: 'Backspace' }, { key: 'Backspace' });
      else if (word % 7 === 0) {
        out.push(piece.slice(1));
        for (let k = 1; k < piece.length; k++) out.push({ key: 'ArrowLeft' });
        out.push(piece[0]!, { key: 'End' });
      } else out.push(piece);
    }
  }
  return out;
}
export function replayStrokes(strokes: Stroke[]): string {
  let rows = [''];
  let row = 0;
  let col = 0;
  for (const s of strokes) {
    const line = rows[row]!;
    if (typeof s === 'string') {
      rows[row] = line.slice(0, col) + s + line.slice(col);
      col += s.length;
      continue;
    }
    switch (s.key) {
      case 'Backspace':
        rows[row] = line.slice(0, col - 1) + line.slice(col);
        col--;
        break;
      case 'ArrowLeft':
        col--;
        break;
      case 'ArrowRight':
        col++;
        break;
      case 'Home':
        col = 0;
        break;
      case 'End':
        col = line.length;
        break;
      case 'ArrowUp':
        row--;
        col = Math.min(col, rows[row]!.length);
        break;
      case 'Enter':
        rows = [...rows.slice(0, row), line.slice(0, col), line.slice(col), ...rows.slice(row + 1)];
        row++;
        col = 0;
        break;
    }
  }
  return rows.join('\n');
}

// --- Word diffs ---------------------------------------------------------------------------------

/** Words and the spaces after them, the unit of a word diff. */
const wordsOf = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

/** `git diff --word-diff=plain` from `from` to `to`: `[-old-]{+new+}` around changed words. */
export function wordDiff(from: string, to: string): string {
  const a = wordsOf(from);
  const b = wordsOf(to);
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let out = '';
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out += a[i++];
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!))
      out += `{+${b[j++]}+}`;
    else out += `[-${a[i++]}-]`;
  }
  return out;
}
/** The new side of a plain word diff. */
export const newSide = (diff: string) =>
  diff.replace(/\[-[\s\S]*?-\]/g, '').replace(/\{\+([\s\S]*?)\+\}/g, '$1');

/** A change to a decoy's words: words `from`..`to` (1-based, inclusive; none when `to < from`) become `words`. */
export interface WordHunk {
  from: number;
  to: number;
  words: string[];
}

/** The hunks that turn `from`'s words into `to`'s (longest common subsequence of whitespace-split words). */
export function wordHunks(from: string, to: string): WordHunk[] {
  const a = from.split(/\s+/).filter(Boolean);
  const b = to.split(/\s+/).filter(Boolean);
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const hunks: WordHunk[] = [];
  let open: WordHunk | undefined;
  let i = 0;
  let j = 0;
  const hunk = () => (open ??= { from: i + 1, to: i, words: [] });
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      if (open) hunks.push(open);
      open = undefined;
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!))
      hunk().words.push(b[j++]!);
    else {
      hunk().to = ++i;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}
/** The hunks applied to `from`'s words, last first (each position counts `from`'s words). */
export function applyHunks(from: string, hunks: WordHunk[]): string {
  const words = from.split(/\s+/).filter(Boolean);
  for (const h of [...hunks].sort((x, y) => y.from - x.from))
    words.splice(h.from - 1, Math.max(h.to - h.from + 1, 0), ...h.words);
  return words.join(' ');
}
