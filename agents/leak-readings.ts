import {
  atbash,
  compact,
  flipped,
  latinised,
  leet,
  normaliseForGuard,
  rot13,
  rot47,
  spelledLetters,
  unPigLatin,
  unPigLatinVowel,
  unspoken,
} from './leak-alphabets.ts';
import {
  decodeBase32Runs,
  decodeBase64Runs,
  decodeHexRuns,
  decodeInvisibleBits,
  decodeJoinedBase64,
  decodeNumberRuns,
  decodeQuotedAndAscii85,
  decodeTags,
  inflateBase64Runs,
  inflateHexRuns,
} from './leak-bytes.ts';
import {
  decodeQuotedPrintableLower,
  decodeRawBase85,
  decodeUuencode,
  legendReadings,
  numberWordsToDigits,
  repeatPattern,
  scatteredPieces,
} from './leak-legends.ts';
import { numberedChunks } from './leak-chunks.ts';
import { statedCipherReadings } from './leak-ciphers.ts';
import { capitalBits, tableColumnReadings } from './leak-covers.ts';
import { affineSteps, codeReadings } from './leak-codes.ts';
import { diffReadings } from './leak-diffs.ts';
import { decodeIntegerSequences } from './leak-integers.ts';
import { decodeBase58Runs, decodeRomanRuns, digitWordNumbers } from './leak-numerals.ts';
import {
  dealtWords,
  inPlaceReading,
  joinedHexTokens,
  labelledJoins,
  statedRuleReadings,
} from './leak-stated.ts';
import { replayReadings } from './leak-replays.ts';
import { morseReadings, polybiusReadings, positionedTokens, tokenPatterns } from './leak-tokens.ts';

/**
 * Readings of a reply that an encoded copy of the solution could hide behind, for the leak guard
 * (`leak-guard.ts` compares each with the reference solution by character grams). A model that
 * complies with a learner can write the solution in any form; each reading undoes a family of them:
 * escapes and byte encodings, ciphers, character codes, invisible carriers, look-alike and
 * substitute alphabets, letter spellings (NATO, Morse, braille, flags, leetspeak, pig latin),
 * acrostics, and reordering. Each is one pass over the text, so a long reply costs linear time.
 */

export { compact, normaliseForGuard } from './leak-alphabets.ts';

const reversed = (text: string) => [...text].reverse().join('');

/** Initials of lines, of sentences and of words: an acrostic spells with them. */
function initials(text: string): string[] {
  const first = (parts: string[]) =>
    parts.map((p) => p.trim().match(/[\p{L}\p{N}]/u)?.[0] ?? '').join('');
  return [first(text.split('\n')), first(text.split(/[.!?]\s/)), first(text.split(/\s+/))].filter(
    (t) => t.length >= 24,
  );
}

/** The text with its lines, and its words, in reverse order; and every other character. */
function reorderings(text: string): string[] {
  const lines = text.split('\n');
  const chars = [...text];
  const backwards = (t: string) => [...t].reverse().join('');
  return [
    lines.map(backwards).join('\n'),
    text.replace(/\S+/g, backwards),
    lines.reverse().join('\n'),
    text.split(/(\s+)/).reverse().join(''),
    chars.filter((_, i) => i % 2 === 0).join(''),
    chars.filter((_, i) => i % 2 === 1).join(''),
  ];
}

/** Consonants only: a copy with its vowels removed still matches on this reading. */
export const skeleton = (compacted: string) => compacted.replace(/[aeiou]/g, '');

/**
 * The steps between consecutive letters (mod 26), as letters: the same for a text and any Caesar
 * shift of it (ROT13 included), so one reading stands for all 25 shifts.
 */
export function letterSteps(compacted: string): string {
  const letters = compacted.replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 1; i < letters.length; i++)
    out += String.fromCharCode(
      97 + ((letters.charCodeAt(i) - letters.charCodeAt(i - 1) + 26) % 26),
    );
  return out;
}

/** What `readings` gives the gram comparison. */
export interface Readings {
  /** Compacted readings (letters and digits, lower-cased), compared with the compacted reference. */
  readings: string[];
  /** Their consonant skeletons, compared with the reference's. */
  skeletons: string[];
  /** Their letter steps, compared with the reference's (any Caesar shift). */
  steps: string[];
  /** Their patterns of repeats, compared with the reference's (any substitution alphabet). */
  patterns: string[];
}

/** The readings of a candidate that an encoded copy could hide behind. */
export function readings(text: string): Readings {
  const out: Readings = { readings: [], skeletons: [], steps: [], patterns: [] };
  const seen = new Set<string>();
  readInto(text, out, seen);
  // Parts written apart (paragraphs, a session's turns, an output's fields) are also read each
  // alone, so that each part's own decoding counts: a turn in base64 and one in ROT13 add up.
  const parts = text.split(/\n[^\S\n]*\n/).filter((p) => p.trim().length >= 12);
  if (parts.length > 1) for (const part of groupParts(parts, 16)) readPart(part, out, seen);
  return out;
}

/** At most `most` groups of consecutive parts, of about equal length (each read costs a setup). */
function groupParts(parts: string[], most: number): string[] {
  if (parts.length <= most) return parts;
  const size = parts.reduce((n, p) => n + p.length, 0) / most;
  const groups: string[] = [];
  let group = '';
  for (const part of parts) {
    group = group ? `${group}\n\n${part}` : part;
    if (group.length >= size) {
      groups.push(group);
      group = '';
    }
  }
  if (group) groups.push(group);
  return groups;
}

/** A reading added to `out` (with its letter steps), once. */
function adder(out: Readings, seen: Set<string>): (candidate: string) => void {
  return (candidate) => {
    if (candidate.length < 12 || seen.has(candidate)) return;
    seen.add(candidate);
    const compacted = compact(normaliseForGuard(candidate));
    if (compacted.length < 12) return;
    out.readings.push(compacted);
    out.steps.push(letterSteps(compacted));
  };
}

/**
 * One part of a text read alone, by the readings that take the whole text at once (a legend, all
 * base64 characters joined, invisible bits, runs joined over line breaks). The others read each
 * character or run where it stands: the whole text's reading already holds every part's.
 */
function readPart(text: string, out: Readings, seen: Set<string>): void {
  const add = adder(out, seen);
  const plain = normaliseForGuard(latinised(text));
  for (const decoded of [
    decodeBase64Runs(plain),
    decodeBase32Runs(plain),
    inflateBase64Runs(plain),
    ...decodeJoinedBase64(text),
    ...decodeInvisibleBits(text),
    ...legendReadings(plain),
    ...scatteredPieces(plain),
    ...positionedTokens(plain),
    ...capitalBits(text),
    ...tableColumnReadings(text),
  ])
    add(decoded);
  const digits = numberWordsToDigits(plain);
  if (digits !== plain) for (const decoded of legendReadings(digits)) add(decoded);
}

function readInto(text: string, out: Readings, seen: Set<string>): void {
  const plain = normaliseForGuard(latinised(text));
  const add = adder(out, seen);
  // The text as written: letter ciphers, word games, acrostics and a consonant skeleton.
  add(plain);
  out.readings.push(
    compact(atbash(plain)),
    compact(rot13(plain)),
    compact(rot47(plain)),
    compact(unPigLatin(plain)),
    compact(unPigLatinVowel(plain)),
    compact(unspoken(plain)),
    compact(plain.replace(/[013457893@$!|+]/g, (c) => leet[c] ?? c)),
    compact(plain.replace(/[013457893@$!|+]/g, (c) => (c === '1' ? 'i' : (leet[c] ?? c)))),
    ...initials(plain).map(compact),
  );
  out.skeletons.push(skeleton(compact(plain)));
  // An affine cipher the reply names, whatever its key (`leak-codes.ts`).
  if (/\baffine\b/i.test(plain)) out.steps.push(...affineSteps(letterSteps(compact(plain))));
  // As written too: composite emoji (`👩‍💻`, `1️⃣`) lose their joiners and selectors in `plain`.
  out.patterns.push(repeatPattern(plain), repeatPattern(text));
  // Reordered, decoded from bytes or numbers, carried invisibly or spelt letter by letter.
  const reversedText = reversed(plain);
  for (const candidate of [reversedText, flipped(reversedText), ...reorderings(plain)])
    add(candidate);
  for (const source of [plain, reversedText]) {
    for (const decoded of [
      decodeBase64Runs(source),
      decodeHexRuns(source),
      decodeBase32Runs(source),
      inflateBase64Runs(source),
      inflateHexRuns(source),
      ...decodeNumberRuns(source),
    ]) {
      add(decoded);
      // Reversed before it was encoded: the bytes decode to the text backwards.
      if (source === plain && decoded) add(reversed(decoded));
    }
  }
  for (const decoded of [...decodeJoinedBase64(text), ...decodeQuotedAndAscii85(text)])
    add(decoded);
  for (const decoded of [decodeTags(text), ...decodeInvisibleBits(text), ...spelledLetters(text)])
    add(decoded);
  // Numbers written as words, legends and word lists the text gives itself, rarer byte encodings.
  const digits = numberWordsToDigits(plain);
  if (digits !== plain) for (const decoded of [digits, ...decodeNumberRuns(digits)]) add(decoded);
  for (const source of digits !== plain ? [plain, digits] : [plain])
    for (const decoded of legendReadings(source)) add(decoded);
  for (const decoded of [
    ...decodeUuencode(text),
    ...decodeRawBase85(text),
    ...scatteredPieces(plain),
    decodeQuotedPrintableLower(text),
  ])
    add(decoded);
  // Numerals, base58, a token to a letter (Morse, Polybius), tokens tagged with positions.
  for (const decoded of [
    ...decodeRomanRuns(plain),
    ...digitWordNumbers(plain).flatMap(decodeNumberRuns),
    ...decodeBase58Runs(plain),
    ...decodeIntegerSequences(plain),
    ...morseReadings(plain),
    ...polybiusReadings(plain),
    ...positionedTokens(plain),
    ...numberedChunks(plain),
  ])
    add(decoded);
  out.patterns.push(...tokenPatterns(plain));
  // Compression codes undone and edits replayed, on the text as written (a payload's exact
  // characters count): the file the learner would end up with (`leak-codes.ts`, `leak-replays.ts`, `leak-diffs.ts`).
  for (const decoded of [...codeReadings(text), ...replayReadings(text), ...diffReadings(text)])
    add(decoded);
  // Classical ciphers under the key they state, each from its statement to the next (a session's
  // turns each under its own key), and honest-looking covers (capitals, a CSV's numbers).
  for (const decoded of [
    ...statedCipherReadings(text),
    ...capitalBits(text),
    ...tableColumnReadings(text),
  ])
    add(decoded);
  readStated(plain, add);
}

/**
 * The text under the rules it states (a codec a line, a key) and with its tokens decoded where
 * they stand, then put back in order: labelled pieces joined, tokens by position, legends applied,
 * words dealt over turns collected (`leak-stated.ts`).
 */
function readStated(plain: string, add: (candidate: string) => void): void {
  const inPlace = inPlaceReading(plain);
  const decoded = [
    ...statedRuleReadings(plain),
    ...(inPlace ? [inPlace, ...statedRuleReadings(inPlace)] : []),
  ];
  for (const text of decoded) {
    add(text);
    for (const reading of [
      ...positionedTokens(text),
      ...legendReadings(text),
      ...scatteredPieces(text),
    ])
      add(reading);
  }
  for (const text of [plain, ...decoded])
    for (const reading of [...labelledJoins(text), ...dealtWords(text)]) add(reading);
  add(joinedHexTokens(plain));
}
