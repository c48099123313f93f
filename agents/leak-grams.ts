import {
  type FragmentIndex,
  fragmentCoverage,
  fragmentIndex,
  markFragments,
} from './leak-fragments.ts';
import { numberWordsToDigits, repeatPattern } from './leak-legends.ts';
import { compact, letterSteps, normaliseForGuard, readings, skeleton } from './leak-readings.ts';

// ---------------------------------------------------------------------------------------------
// Encoded copies (for `leak-guard.ts`). A reply can hand over the solution in a form the token
// comparison (`solutionOverlap`) cannot
// see: base64 or hex, `\u0072` escapes, reversed, spelt `r e t u r n`, with zero-width characters,
// Cyrillic or full-width look-alikes, or ROT13. Each candidate is decoded into several readings,
// each reduced to its letters and digits, and compared with the reference by character 12-grams:
// spacing, punctuation and case no longer matter, while prose that names a function from the story
// shares only a handful of grams with a whole solution. Every step is one pass over the text.
// ---------------------------------------------------------------------------------------------

/** Length of the character grams compared: longer than an identifier, shorter than a statement. */
const gramSize = 12;
export const defaultEncodedCoverage = 0.4;
/** Share of the reference's letters, in order, that a reply may show however it lays them out. */
export const plainCopyCoverage = 0.5;
/**
 * Fewest grams for that: about a hundred letters of code. Quoting a line of a short solution back
 * (the learner's own code, say) stays the token comparison's call.
 */
const minPlainCopyGrams = 100;
/** Fewest shared grams that count as a copy (a tiny reference is not matched by one identifier). */
const minSharedGrams = 24;
/**
 * Share of the reference's characters a reply may show in pieces, joined however they come.
 * Below half with a margin: the characters a reading shows and the share a learner rebuilds (by
 * tokens) differ by a few points, and a turn that deals a third of the lines can carry half of
 * the characters (0.5 let one such turn through at 49.8%, 55% rebuilt).
 */
export const piecesCoverage = 0.4;
/** Fewest characters for that (a short solution's line or two stays the token comparison's). */
const minPiecesShown = 100;
/** Lines any file of the kind starts with: showing them reveals nothing of the solution. */
const boilerplateLine = /^\s*(?:import\b|export\s+default\b)/;

interface ReferenceGrams {
  reference: string;
  grams: Set<string>;
  skeleton: Set<string>;
  steps: Set<string>;
  patterns: Set<string>;
  /** For each gram of the other families, the compacted reference's grams within its span. */
  spans: Map<string, string[]>[];
  /**
   * The reference's words, lower-cased, and the parts of its camel-case and snake-case names,
   * with how often each occurs.
   */
  vocabulary: Map<string, number>;
  /** The compacted reference's pieces, for the characters shown in fragments. */
  fragments: FragmentIndex;
}
let referenceGrams: ReferenceGrams | undefined;

function gramSet(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + gramSize <= text.length; i++) grams.add(text.slice(i, i + gramSize));
  return grams;
}

/**
 * For each gram of a derived text (`derived[j]` stands for `text[at[j]]`), the grams of `text`
 * inside the stretch it spans: what finding it reveals of the reference as written.
 */
function spansOf(
  text: string,
  derived: string,
  at: number[],
  width = gramSize,
): Map<string, string[]> {
  const spans = new Map<string, string[]>();
  for (let j = 0; j + width <= at.length && j + gramSize <= derived.length; j++) {
    const gram = derived.slice(j, j + gramSize);
    const inside = spans.get(gram) ?? [];
    for (let s = at[j]!; s + gramSize <= at[j + width - 1]! + 1; s++)
      inside.push(text.slice(s, s + gramSize));
    spans.set(gram, inside);
  }
  return spans;
}

/** Character grams of the compacted reference (cached: a session guards many replies against one). */
function gramsOfReference(reference: string): ReferenceGrams {
  if (referenceGrams?.reference !== reference) {
    const text = compact(normaliseForGuard(reference));
    const indexes = (keep: RegExp) => [...text].flatMap((c, i) => (keep.test(c) ? [i] : []));
    const consonants = indexes(/[^aeiou]/);
    // A step stands between two letters: twelve steps span thirteen letters.
    const letters = indexes(/[a-z]/);
    referenceGrams = {
      reference,
      grams: gramSet(text),
      skeleton: gramSet(skeleton(text)),
      steps: gramSet(letterSteps(text)),
      patterns: gramSet(repeatPattern(text)),
      spans: [
        spansOf(text, skeleton(text), consonants),
        spansOf(text, letterSteps(text), letters, gramSize + 1),
        spansOf(
          text,
          repeatPattern(text),
          [...text].map((_, i) => i),
        ),
      ],
      vocabulary: counted(
        (normaliseForGuard(reference).match(/[A-Za-z0-9]+/g) ?? []).flatMap((w) => [
          w.toLowerCase(),
          ...w.split(/(?<=[a-z0-9])(?=[A-Z])|_/).map((part) => part.toLowerCase()),
        ]),
      ),
      fragments: fragmentIndex(
        normaliseForGuard(reference)
          .split('\n')
          .map((line) => ({ text: compact(line), boilerplate: boilerplateLine.test(line) })),
      ),
    };
  }
  return referenceGrams;
}

const ordinals = /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/gi;

function counted(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * The solution told in words (a line-by-line explanation, a story, a dictation, a recipe): only
 * the words the reference uses, in the order the text says them, with numbers written as words
 * read as digits (ordinals, which count steps, left out). Filler words and spoken punctuation
 * fall away; a hint that names a few identifiers keeps only a few grams. Filler made of the
 * reference's own words (`on the page with the title, the author found import`) repeats far more
 * often than the reference says them: a third reading leaves such words out.
 */
function vocabularyReadings(text: string, vocabulary: Map<string, number>): string[] {
  const plain = normaliseForGuard(text);
  const words = [plain, numberWordsToDigits(plain.replace(ordinals, ' '))].map((t) =>
    (t.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toLowerCase()).filter((w) => vocabulary.has(w)),
  );
  const counts = counted(words[1]!);
  const usual = words[1]!.filter((w) => counts.get(w)! <= 2 * vocabulary.get(w)! + 2);
  return [...words, usual].map((w) => w.join(''));
}

/** Multiplier of the rolling gram hash (odd, so every power of it is odd too). */
const hashBase = 0x01000193;
/** `hashBase` to the power `gramSize - 1`, modulo 2^32: the weight of a gram's first character. */
const firstWeight = Array.from({ length: gramSize - 1 }).reduce<number>(
  (w) => Math.imul(w, hashBase),
  1,
);
const gramHashes = new WeakMap<Set<string>, Set<number>>();

/** A gram's rolling hash, modulo 2^32. */
function hashOf(gram: string): number {
  let h = 0;
  for (let i = 0; i < gram.length; i++) h = (Math.imul(h, hashBase) + gram.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * The reference grams found in `text` (stops early once all are found). A rolling hash rules out
 * almost every position without cutting a gram out of the text: the grams of a long reply are
 * millions of short strings otherwise.
 */
function gramsIn(
  text: string,
  wanted: Set<string>,
  found: Set<string>,
  except?: Set<string>,
): void {
  if (text.length < gramSize || !wanted.size) return;
  let hashes = gramHashes.get(wanted);
  if (!hashes) gramHashes.set(wanted, (hashes = new Set([...wanted].map(hashOf))));
  let h = hashOf(text.slice(0, gramSize));
  for (let i = 0; ; i++) {
    if (hashes.has(h)) {
      const gram = text.slice(i, i + gramSize);
      if (wanted.has(gram) && !except?.has(gram)) found.add(gram);
      if (found.size >= wanted.size) return;
    }
    if (i + gramSize >= text.length) return;
    const out = Math.imul(text.charCodeAt(i), firstWeight);
    h = (Math.imul(h - out, hashBase) + text.charCodeAt(i + gramSize)) >>> 0;
  }
}

/** How much of the reference a reading family reveals. */
export interface EncodedOverlap {
  /**
   * Share of the reference's grams found only in an encoded reading: the best family's, or all
   * families' together (as stretches of the reference), whichever is more.
   */
  coverage: number;
  shared: number;
  /**
   * Share of the reference's grams in the reply's own letters, however they are laid out, and in
   * its plain readings' decodings: shown and encoded pieces together.
   */
  plainCoverage: number;
  plainShared: number;
  /**
   * Share of the reference's characters (imports left out) that the readings show in pieces,
   * cut as small as a third of a line or a token, in any order and any reading each.
   */
  piecesCoverage: number;
  piecesShown: number;
}

/**
 * Share of the reference's character grams that only an encoded reading of `candidate` reveals
 * (see `leak-readings.ts`), and how many. Grams the candidate shows as plain words are left to the
 * token comparison, so quoting one line of a short solution stays a matter for `solutionOverlap`;
 * they are counted apart (`plainCoverage`) for code laid out so that tokens no longer line up
 * (table cells, string pieces joined with `+`, one token per line). Grams of `learnerText` (what
 * the learner wrote) count for neither.
 */
export function encodedOverlap(
  candidate: string,
  reference: string,
  learnerText = '',
): EncodedOverlap {
  const ref = gramsOfReference(reference);
  if (!ref.grams.size)
    return {
      coverage: 0,
      shared: 0,
      plainCoverage: 0,
      plainShared: 0,
      piecesCoverage: 0,
      piecesShown: 0,
    };
  // Plain words of two or more letters, as written: what a reader sees without decoding anything.
  // What the learner wrote themselves counts as shown: it is theirs already.
  const plain = new Set<string>();
  gramsIn((candidate.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []).join(''), ref.grams, plain);
  const known = new Set<string>();
  if (learnerText) gramsIn(compact(normaliseForGuard(learnerText)), ref.grams, known);
  for (const gram of known) plain.add(gram);
  const all = new Set<string>();
  gramsIn(compact(candidate), ref.grams, all);
  const read = readings(candidate);
  const families: [Set<string>, string[], Set<string> | undefined][] = [
    [ref.grams, [...read.readings, ...vocabularyReadings(candidate, ref.vocabulary)], plain],
    [ref.skeleton, read.skeletons, undefined],
    [ref.steps, read.steps, undefined],
    [ref.patterns, read.patterns, undefined],
  ];
  // Skeletons, letter steps and repeat patterns match a quote as well as a disguised copy: alone,
  // they count only when the reply shows (almost) none of the solution as it is written.
  const gated = plain.size >= ref.grams.size * 0.1;
  let best = { coverage: 0, shared: 0 };
  // Every family's finds as the stretches of the reference they reveal, less what the reply shows
  // as written: turns (or parts) each in their own disguise add up, whatever family reads them.
  const revealed = new Set<string>();
  families.forEach(([wanted, texts, except], i) => {
    if (!wanted.size) return;
    const found = new Set<string>();
    for (const text of texts) gramsIn(text, wanted, found, except);
    const coverage = found.size / wanted.size;
    if ((i === 0 || (!gated && !known.size)) && coverage > best.coverage)
      best = { coverage, shared: found.size };
    for (const gram of found)
      for (const inside of i === 0 ? [gram] : (ref.spans[i - 1]!.get(gram) ?? []))
        if (!plain.has(inside)) revealed.add(inside);
  });
  if (revealed.size / ref.grams.size > best.coverage)
    best = { coverage: revealed.size / ref.grams.size, shared: revealed.size };
  // What the reply shows as written and what its readings reveal, together: a partial quote in
  // one turn and an encoded part in another add up.
  const shown = new Set([...all, ...plain, ...revealed]);
  for (const gram of known) shown.delete(gram);
  const pieces = piecesIn(read.readings, ref.fragments, learnerText);
  return {
    ...best,
    plainCoverage: shown.size / ref.grams.size,
    plainShared: shown.size,
    piecesCoverage: pieces.coverage,
    piecesShown: pieces.shown,
  };
}

/** The reference's characters the readings show in pieces, less what the learner wrote. */
function piecesIn(
  texts: string[],
  index: FragmentIndex,
  learnerText: string,
): { coverage: number; shown: number } {
  const shown = new Uint8Array(index.text.length);
  for (const text of texts) markFragments(text, index, shown);
  if (!learnerText) return fragmentCoverage(index, shown);
  const known = new Uint8Array(index.text.length);
  markFragments(compact(normaliseForGuard(learnerText)), index, known);
  return fragmentCoverage(index, shown, known);
}

/** Why `text` is an encoded copy of the reference, or undefined (for `leak-guard.ts`). */
export function encodedCopyProblem(
  text: string,
  reference: string,
  maxCoverage: number,
  learnerText?: string,
): string | undefined {
  const o = encodedOverlap(text, reference, learnerText);
  if (o.coverage >= maxCoverage && o.shared >= minSharedGrams)
    return `an encoded copy of ${Math.round(o.coverage * 100)}% of the reference solution`;
  if (o.plainCoverage >= plainCopyCoverage && o.plainShared >= minPlainCopyGrams)
    return `a copy of ${Math.round(o.plainCoverage * 100)}% of the reference solution, laid out differently`;
  if (o.piecesCoverage >= piecesCoverage && o.piecesShown >= minPiecesShown)
    return `a copy of ${Math.round(o.piecesCoverage * 100)}% of the reference solution, in pieces`;
  return undefined;
}

/**
 * Why the readings of a payload under a key from another reply (`leak-books.ts`) are a copy of the
 * reference, or undefined: the grams and pieces they show beyond what the payload shows as written.
 * One compaction and one gram pass a reading, without the other readings (the key did the decoding).
 */
export function keyedCopyProblem(
  readings: readonly string[],
  payload: string,
  reference: string,
): string | undefined {
  const ref = gramsOfReference(reference);
  if (!ref.grams.size || !readings.length) return undefined;
  const asWritten = new Set<string>();
  gramsIn(compact(normaliseForGuard(payload)), ref.grams, asWritten);
  const compacted = readings.map((r) => compact(normaliseForGuard(r)));
  const found = new Set<string>();
  for (const text of compacted) gramsIn(text, ref.grams, found, asWritten);
  const coverage = found.size / ref.grams.size;
  if (coverage >= defaultEncodedCoverage && found.size >= minSharedGrams)
    return `a copy of ${Math.round(coverage * 100)}% of the reference solution under a key from another reply`;
  const pieces = piecesIn(compacted, ref.fragments, payload);
  if (pieces.coverage >= piecesCoverage && pieces.shown >= minPiecesShown)
    return `a copy of ${Math.round(pieces.coverage * 100)}% of the reference solution in pieces, under a key from another reply`;
  return undefined;
}
