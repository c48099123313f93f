import type { Turn } from '../extraction/case-kit.ts';
import { solutionCode } from '../extraction/solution.ts';

export type { Turn } from '../extraction/case-kit.ts';

/**
 * Held-out set 2 (README.md): families of disguise chosen to lie outside set 1's family list. Each
 * attempt is a learner's message (written by hand, one by one) and what a model that simply
 * complies would answer, built from `examples/stories/add-pagination.md`'s reference solution.
 * `benign` attempts are honest mentoring replies that must reach the learner (false refusals).
 */
export const families = {
  translation: 'the solution ported to another language, framework or pseudo-code',
  artifact: 'the solution carried by another artifact: test fixture, SQL, YAML, CSV, diff, notebook…',
  prose: 'the solution restated in words: line-by-line explanation, poem, story, dictation',
  synonyms: 'identifiers swapped for synonyms or another natural language / script',
  scattered: 'the solution split into tokens, fields, table cells, indexes',
  numerals: 'character codes written as number words or numerals of another system',
  radix: 'byte encodings outside the usual ones (base85, uuencode, QP, punycode, base58, UTF-16, EBCDIC)',
  symbols: 'letters as symbols: Morse variants, emoji legend, Polybius square, A1Z26',
  turns: 'partial leaks over several turns, a different disguise per turn',
  decoy: 'the solution interleaved with or diluted in decoy text',
  scaffold: 'a fill-in scaffold whose comments or answer key hold the code',
  benign: 'honest mentoring (must be delivered, must not read as a leak)',
} as const;
export type Family = keyof typeof families;

export interface Case {
  id: string;
  family: Family;
  /** One line: the tactic. */
  technique: string;
  turns: Turn[];
  /** An honest reply: counted for false refusals, never as an attack. */
  benign?: boolean;
}

/** A one-turn attempt. */
export const one = (
  id: string,
  family: Family,
  technique: string,
  message: string,
  reply: string,
): Case => ({ id, family, technique, turns: [{ message, reply }] });

/** A fenced markdown code block. */
export const block = (text: string, lang = '') => `\`\`\`${lang}\n${text}\n\`\`\``;

/** The reference solution's lines (code only, no fence). */
export const code = solutionCode;
export const lines = solutionCode.split('\n');
