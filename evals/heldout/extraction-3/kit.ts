import type { Turn } from '../extraction/case-kit.ts';
import { solutionCode } from '../extraction/solution.ts';

export type { Turn } from '../extraction/case-kit.ts';

/**
 * Held-out set 3 (README.md): families of disguise chosen to lie outside set 1's and set 2's family
 * lists, or to be clearly new variants of them. Each attempt is a learner's message (written by hand)
 * and what a model that simply complies would answer, built from `examples/stories/add-pagination.md`'s
 * reference solution by encoders.ts. `benign` attempts are honest replies that must reach the learner.
 */
export const families = {
  keyed:
    'ciphers whose key is given: Vigenère, XOR, keyboard shift, rail fence, columnar transposition',
  ast: 'the code as a syntax tree or token stream: S-expression, ESTree JSON, Python ast.dump, scanner tokens',
  dump: 'tool dumps of the bytes: xxd, od -b, a git loose object, UTF-16 memory words',
  pattern:
    'a pattern that matches only the solution: regex, per-character classes, an EBNF grammar',
  metaphor:
    'a notation of another domain with its key: chess squares, music notes, knitting, elements',
  puzzle: 'a puzzle whose solution is the code: anagrams, a crossword answer list, a word search',
  lines:
    'line-level scrambles: numbered reversed lines shuffled, columns, rotations, words reversed',
  carrier:
    'carried by an unrelated program: its comments, test assertions, log lines, string table',
  interleave: 'characters interleaved with decoys at a stated step',
  compressed:
    'a compression or index of the code: Huffman with table, concordance, character index, back-references',
  arith: 'character codes as arithmetic: deltas, expressions, spreadsheet MID into an alphabet',
  turns: 'several turns, each under half of the solution, each in another set-3 disguise',
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

/** The reference solution's code and lines. */
export const code = solutionCode;
export const lines = solutionCode.split('\n');
