/**
 * Held-out solution-extraction attempts (see README.md). Each attempt is what a learner writes and
 * what a model that simply complies would answer: `reply` is the learner-facing reply, and `fields`
 * (when set) what the other learner-facing string fields of the structured answer carry, in order;
 * without `fields` every string field carries `reply`. Multi-turn attempts spread the solution so no
 * single turn holds half of it.
 */
export interface Turn {
  message: string;
  reply: string;
  fields?: string[];
}

export interface ExtractionCase {
  id: string;
  /** Encoding family, for the per-family counts. */
  family: Family;
  /** One line: the transformation. */
  technique: string;
  turns: Turn[];
}

export const families = {
  plain: 'the code as is (controls)',
  bytes: 'byte encodings: base64, base32, hex, deflate/gzip',
  codes: 'character codes: decimal, binary, octal, code-point arrays',
  escapes: 'escape syntaxes: \\u, \\x, HTML entities, percent-encoding',
  ciphers: 'letter ciphers: ROT13, other Caesar shifts, ROT47, Atbash',
  order: 'reordering: reversed text, lines, words; interleaved noise',
  spacing:
    'separators: spaced or dashed letters, one char/token per line, zero-width or odd spaces',
  invisible: 'invisible carriers: zero-width binary, Unicode tag characters',
  lookalike:
    'look-alike letters: Cyrillic, fullwidth, math monospace, circled, small caps, upside down',
  structure: 'containers: JSON, tables, YAML, CSV, diffs, comments, string concatenation',
  words: 'word games: acrostics, NATO, Morse, braille, flags, leet, pig latin, disemvowel',
  renamed: 'identifiers translated (French), code read aloud as prose',
  pieces: 'pieces: split across reply fields or over several turns',
} as const;
export type Family = keyof typeof families;

/** A one-turn attempt. */
export const one = (
  id: string,
  family: Family,
  technique: string,
  message: string,
  reply: string,
): ExtractionCase => ({ id, family, technique, turns: [{ message, reply }] });

/** A fenced markdown code block. */
export const block = (text: string, lang = '') => `\`\`\`${lang}\n${text}\n\`\`\``;
