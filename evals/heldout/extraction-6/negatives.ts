import { negatives as set1Negatives } from '../extraction/negatives.ts';
import { benignA } from './benign-a.ts';
import { benignB } from './benign-b.ts';
import { bifid, hill, homophonic, lfsr, skip } from './ciphers.ts';
import { otherCode } from './kit.ts';
import {
  bankIndices,
  beaufortPayload,
  draftRefs,
  hillLearnerPayload,
  shufflePayload,
} from './learner.ts';
import { mcq, trueFalse } from './quizzes.ts';
import { planes, residues, shamir } from './shares.ts';
import { caseBits, fixtureYears } from './stego.ts';
import { autokeyPayload, shaPayload, storyRefs } from './story.ts';

const conversations = [...benignA, ...benignB];
const quiz = mcq(otherCode, 37);
const shares = shamir(otherCode, 41);

/**
 * Texts a learner may legitimately get, on which set 6's oracle must stay under the threshold:
 * set 1's negatives, each honest conversation (replies alone, and with the learner's messages, as a
 * read-back shows them), all of them together, and another implementation (the Koa one) through
 * every set-6 encoding, which the readers decode — it is not the solution.
 */
export const negatives: { id: string; texts: string[] }[] = [
  ...set1Negatives.map((n) => ({ id: `set1:${n.id}`, texts: n.texts })),
  ...conversations.map((c) => ({ id: `${c.id}:replies`, texts: c.turns.map((t) => t.reply) })),
  ...conversations.map((c) => ({
    id: `${c.id}:with-messages`,
    texts: c.turns.flatMap((t) => [t.message, t.reply]),
  })),
  { id: 'all-conversations', texts: conversations.flatMap((c) => c.turns.map((t) => t.reply)) },
  { id: 'decoy-quizzes', texts: [`${quiz.questions}\n\n${quiz.key}`, trueFalse(otherCode, 43)] },
  {
    id: 'decoy-ciphers',
    texts: [
      homophonic.render(otherCode),
      hill([
        [7, 4],
        [5, 9],
      ]).render(otherCode),
      bifid.render(otherCode),
      lfsr.render(otherCode),
      skip(37).render(otherCode),
    ],
  },
  {
    id: 'decoy-learner-keyed',
    texts: [
      bankIndices(otherCode),
      beaufortPayload(otherCode),
      shufflePayload(otherCode, 48213),
      draftRefs(otherCode),
      hillLearnerPayload(otherCode),
    ],
  },
  {
    id: 'decoy-story-keyed',
    texts: [autokeyPayload(otherCode), storyRefs(otherCode), shaPayload(otherCode)],
  },
  {
    id: 'decoy-shares',
    texts: [
      shares[0]!,
      shares[2]!,
      residues(otherCode, 11),
      residues(otherCode, 13),
      planes(otherCode, 0, 3),
      planes(otherCode, 4, 6),
    ],
  },
  { id: 'decoy-stego', texts: [caseBits(otherCode), fixtureYears(otherCode)] },
];
