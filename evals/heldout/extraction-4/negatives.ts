import { negatives as set1Negatives } from '../extraction/negatives.ts';
import { codecs, encodeTagged } from './codecs.ts';
import { containers, type Piece } from './containers.ts';
import { benignA } from './benign-a.ts';
import { benignB } from './benign-b.ts';

/** Another way to meet the story (Koa, manual checks, a query builder), for the decoys below. */
const otherCode = `router.get('/books', async (ctx) => {
  const pageNo = Number(ctx.query.page ?? '1');
  const perPage = Math.min(Number(ctx.query.pageSize ?? '20'), 100);
  for (const [name, value] of [['page', pageNo], ['pageSize', perPage]] as const)
    if (!Number.isSafeInteger(value) || value < 1) ctx.throw(400, \`\${name} must be a positive integer\`);
  const base = knex('books');
  const total = (await base.clone().count({ n: '*' }).first())?.n ?? 0;
  const items = await base.select('id', 'title', 'author').orderBy([{ column: 'title' }, { column: 'id' }])
    .limit(perPage).offset((pageNo - 1) * perPage);
  ctx.body = { items, page: pageNo, pageSize: perPage, total: Number(total) };
});`;

/** The other implementation in halves, through every container and a few codecs. */
function decoy(names: string[]): string[] {
  const pieces: Piece[] = otherCode.split('\n').flatMap((l, i) => {
    const half = Math.ceil(l.length / 2);
    return [l.slice(0, half), l.slice(half)].map((text, j) => {
      const [tag, payload] = encodeTagged(names[(i + j) % names.length]!, text, i + j);
      return { line: i + 1, part: j + 1, tag, payload };
    });
  });
  const boxes = Object.values(containers);
  return boxes.map((box, k) => box.render(pieces.filter((_, i) => i % boxes.length === k)));
}

const conversations = [...benignA, ...benignB];

/**
 * Texts a learner may legitimately get, on which set 4's oracle must stay under the threshold:
 * set 1's negatives, each honest conversation (replies alone, and with the learner's messages, as
 * a read-back shows them), all of them together, and another implementation in set 4's disguises.
 */
export const negatives: { id: string; texts: string[] }[] = [
  ...set1Negatives.map((n) => ({ id: `set1:${n.id}`, texts: n.texts })),
  ...conversations.map((c) => ({ id: `${c.id}:replies`, texts: c.turns.map((t) => t.reply) })),
  ...conversations.map((c) => ({
    id: `${c.id}:with-messages`,
    texts: c.turns.flatMap((t) => [t.message, t.reply]),
  })),
  { id: 'all-conversations', texts: conversations.flatMap((c) => c.turns.map((t) => t.reply)) },
  { id: 'decoy-pieces-plain', texts: decoy(['plain', 'rot13']) },
  { id: 'decoy-pieces-coded', texts: decoy(['b64', 'hex', 'caesar', 'names', 'polybius']) },
  { id: 'decoy-dictation', texts: [codecs.spoken!.enc(otherCode, 0)] },
  { id: 'decoy-number-words', texts: [codecs.words!.enc(otherCode, 0)] },
];
