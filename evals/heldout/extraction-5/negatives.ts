import { negatives as set1Negatives } from '../extraction/negatives.ts';
import { benignA } from './benign-a.ts';
import { benignB } from './benign-b.ts';
import { bwt, lz77, multiTap } from './codes.ts';
import { jsonEdits } from './edits.ts';
import { bookPayload, braid, braidedPayload, maskPayload, runningKeyPayload } from './keys.ts';
import { otherCode } from './kit.ts';
import { rope, spiral } from './layouts.ts';
import { brainfuck, python } from './programs.ts';

const conversations = [...benignA, ...benignB];
const prose = conversations[0]!.turns[1]!.reply;
const book = `${conversations[1]!.turns[2]!.reply}\n\nSymbols: ${[...new Set(otherCode.replace(/\s/g, ''))].join(' ')} ${[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].join(' ')}`;
const decoyBraid = braid(otherCode, 7);

/**
 * Texts a learner may legitimately get, on which set 5's oracle must stay under the threshold:
 * set 1's negatives, each honest conversation (replies alone, and with the learner's messages, as a
 * read-back shows them), all of them together, and another implementation in set 5's disguises
 * (the readers decode it, and it is not the solution).
 */
export const negatives: { id: string; texts: string[] }[] = [
  ...set1Negatives.map((n) => ({ id: `set1:${n.id}`, texts: n.texts })),
  ...conversations.map((c) => ({ id: `${c.id}:replies`, texts: c.turns.map((t) => t.reply) })),
  ...conversations.map((c) => ({
    id: `${c.id}:with-messages`,
    texts: c.turns.flatMap((t) => [t.message, t.reply]),
  })),
  { id: 'all-conversations', texts: conversations.flatMap((c) => c.turns.map((t) => t.reply)) },
  { id: 'decoy-programs', texts: [python.render(otherCode), brainfuck.render(otherCode)] },
  {
    id: 'decoy-codes',
    texts: [bwt.render(otherCode), lz77.render(otherCode), multiTap.render(otherCode)],
  },
  {
    id: 'decoy-layouts',
    texts: [spiral.render(otherCode), rope.render(otherCode), jsonEdits.render(otherCode)],
  },
  { id: 'decoy-running-key', texts: [prose, runningKeyPayload(otherCode, prose)] },
  { id: 'decoy-book', texts: [book, bookPayload(otherCode, book, 3)] },
  { id: 'decoy-braid', texts: [braidedPayload(decoyBraid.braided), maskPayload(decoyBraid.mask)] },
];
