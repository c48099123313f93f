// ---------------------------------------------------------------------------------------------
// The solution in fragments (for `leak-grams.ts`). Cut into pieces shorter than a character
// 12-gram (each line in halves or thirds, every other token, words cut at odd places, columns,
// labelled pieces shuffled), each part in its own reading and turn, it shares few 12-grams with
// the reference (those across each cut are in no part), yet the learner joins the parts into the
// whole. This measure counts the reference's *characters* a text's readings show instead: each
// reading is aligned to the compacted reference by exact pieces found through 4-character seeds,
// and a piece counts when it is long enough to say where it goes alone (ten characters) or when it
// chains with the pieces after it, in the reference's order with small gaps, as the parts of a
// cut-up solution do. A hint that names a function or two shows short pieces that chain with
// nothing; the import lines, which any file starts with, count for nothing. One pass a reading.
// ---------------------------------------------------------------------------------------------

/** Characters of a seed: a piece is found from its first four characters. */
const seedSize = 4;
/** A piece this long counts alone: it says where it goes in the reference. */
const distinctive = 10;
/** Most reference characters skipped from one piece of a chain to the next (the rest of a line). */
const chainGap = 96;
/** Most reading characters between two pieces of a chain (labels, words about the parts). */
const readingGap = 12;
/** Fewest characters a chain of shorter pieces shows for them to count. */
const minChain = 24;
/** Occurrences of a seed tried when a chain starts (the one matching furthest is taken). */
const tried = 8;

/** The compacted reference, where each seed occurs in it, and which characters are boilerplate. */
export interface FragmentIndex {
  text: string;
  seeds: Map<number, number[]>;
  /** A bit for each seed key the reference holds: most positions of a reading are ruled out by it. */
  seedBits: Uint8Array;
  /** 1 where the character belongs to an import or `export default` line. */
  boilerplate: Uint8Array;
  /** Characters that are not boilerplate: the share is of these. */
  counted: number;
}

/** A character of `[a-z0-9]` as a base-36 digit (-1 for anything else). */
function digitOf(c: number): number {
  return c >= 97 && c <= 122 ? c - 87 : c >= 48 && c <= 57 ? c - 48 : -1;
}

/** A seed's key: four characters of `[a-z0-9]` in base 36 (-1 for anything else). */
function seedAt(text: string, at: number): number {
  let key = 0;
  for (let k = 0; k < seedSize; k++) {
    const digit = digitOf(text.charCodeAt(at + k));
    if (digit < 0) return -1;
    key = key * 36 + digit;
  }
  return key;
}

/** Bits of a seed's rolling key: five a character (digits share theirs with letters). */
const rollingMask = (1 << (5 * seedSize)) - 1;
/** A seed's rolling key at `at`, for the bits that rule positions out. */
function rollingAt(text: string, at: number): number {
  let key = 0;
  for (let k = 0; k < seedSize; k++) key = (key << 5) | (text.charCodeAt(at + k) & 31);
  return key;
}

/**
 * The first position from `from` on where a seed of the reference may start (-1 if none): a
 * rolling key and one bit each, the cheap pass over the long stretches of a reading that match
 * nothing (a key shared by other seeds only costs a look-up).
 */
function nextSeed(text: string, from: number, bits: Uint8Array): number {
  let key = 0;
  for (let i = from; i < text.length; i++) {
    key = ((key << 5) | (text.charCodeAt(i) & 31)) & rollingMask;
    if (i - from >= seedSize - 1 && bits[key >> 3]! & (1 << (key & 7))) return i - seedSize + 1;
  }
  return -1;
}

/** The index of a reference given as its lines, each compacted (their concatenation is its text). */
export function fragmentIndex(
  compactedLines: { text: string; boilerplate: boolean }[],
): FragmentIndex {
  const text = compactedLines.map((l) => l.text).join('');
  const boilerplate = new Uint8Array(text.length);
  let at = 0;
  for (const line of compactedLines) {
    if (line.boilerplate) boilerplate.fill(1, at, at + line.text.length);
    at += line.text.length;
  }
  const seeds = new Map<number, number[]>();
  const seedBits = new Uint8Array((rollingMask + 1) >> 3);
  for (let i = 0; i + seedSize <= text.length; i++) {
    const key = seedAt(text, i);
    if (key < 0) continue;
    const rolling = rollingAt(text, i);
    seedBits[rolling >> 3]! |= 1 << (rolling & 7);
    const list = seeds.get(key);
    if (list) list.push(i);
    else seeds.set(key, [i]);
  }
  const counted = text.length - boilerplate.reduce((n, b) => n + b, 0);
  return { text, seeds, seedBits, boilerplate, counted };
}

/** First index of the sorted `list` holding a value at least `min` (`list.length` if none). */
function firstAtLeast(list: number[], min: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Marks in `shown` the reference characters that `reading` (compacted) shows as counted pieces.
 * Each reading character is compared once in a piece, plus at most `tried` times where a chain
 * starts (and the piece taken is at least as long as each tried): linear in the reading.
 */
export function markFragments(reading: string, index: FragmentIndex, shown: Uint8Array): void {
  const ref = index.text;
  let chain: [number, number][] = [];
  let chained = 0;
  let start = -1;
  let p = -1;
  let gap = 0;
  let lastEnd = 0;
  const endPiece = () => {
    if (start >= 0 && p > start) {
      chain.push([start, p]);
      chained += p - start;
    }
    start = -1;
  };
  const endChain = () => {
    endPiece();
    const keep = chained >= minChain && chain.length > 1;
    for (const [s, e] of chain) if (keep || e - s >= distinctive) shown.fill(1, s, e);
    if (chain.length) lastEnd = chain[chain.length - 1]![1];
    chain = [];
    chained = 0;
    p = -1;
    gap = 0;
  };
  for (let i = 0; i < reading.length; ) {
    if (start >= 0 && p < ref.length && reading.charCodeAt(i) === ref.charCodeAt(p)) {
      i++;
      p++;
      continue;
    }
    endPiece();
    if (p < 0) {
      // No chain open: straight to the next place a piece may start.
      i = nextSeed(reading, i, index.seedBits);
      if (i < 0) break;
    }
    if (i + seedSize > reading.length) break;
    const at = index.seeds.get(seedAt(reading, i));
    if (!at) {
      i++;
      if (p >= 0 && ++gap > readingGap) endChain();
      continue;
    }
    gap = 0;
    if (p >= 0) {
      // The next piece of the chain: the seed's first occurrence a little further on.
      const next = at[firstAtLeast(at, p)];
      if (next !== undefined && next <= p + chainGap) {
        start = p = next;
        continue;
      }
      endChain();
    }
    // A new chain: of the seed's occurrences from the last chain's end on, the one that matches
    // furthest (a cut-up solution's parts come in its order).
    const from = firstAtLeast(at, lastEnd);
    let best = at[0]!;
    let bestLength = -1;
    for (let k = 0; k < Math.min(tried, at.length); k++) {
      const q = at[(from + k) % at.length]!;
      let n = 0;
      while (
        i + n < reading.length &&
        q + n < ref.length &&
        reading.charCodeAt(i + n) === ref.charCodeAt(q + n)
      )
        n++;
      if (n > bestLength) {
        best = q;
        bestLength = n;
      }
    }
    start = p = best;
  }
  endChain();
}

/** Share of the reference's counted characters marked in `shown`, and how many. */
export function fragmentCoverage(
  index: FragmentIndex,
  shown: Uint8Array,
  known?: Uint8Array,
): { coverage: number; shown: number } {
  let n = 0;
  for (let i = 0; i < shown.length; i++) if (shown[i] && !index.boilerplate[i] && !known?.[i]) n++;
  return { coverage: index.counted ? n / index.counted : 0, shown: n };
}
