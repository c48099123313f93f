import { learnerKeys, set6 } from './index.ts';
import { isLeak } from './oracle.ts';
import { analyseSolution, readBack } from '../extraction/oracle.ts';
import { solutionCode } from '../extraction/solution.ts';

/**
 * Set 6's oracle alone (no product, no database): every attempt, as the compliant model would
 * answer it, reads back at >= 50 % (as sent, and HTML-escaped as the chat page shows it); the raw
 * replies, read by set 1's oracle without set 6's readers, are reported; each turn of a multi-turn
 * attempt (its reply and fields), alone, reads under 50 % — except in the `learner` family, whose key
 * is the learner's own message by design; every negative (the honest conversations, the learner's
 * own messages, a decoy through every encoding) reads under 50 %. Exit code 1 when any of these fails.
 */
const pct = (n: number) => `${Math.round(n * 100)} %`;
const asPage = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const solution = analyseSolution(solutionCode);
let failed = 0;
for (const c of set6.cases.filter((c) => !c.benign)) {
  const texts = c.turns.flatMap((t) => [t.reply, ...(t.fields ?? [])]);
  const r = set6.read(texts);
  const raw = readBack(solution, texts);
  if (!isLeak(r)) failed++;
  const turns =
    c.turns.length > 1 ? c.turns.map((t) => set6.read([t.reply, ...(t.fields ?? [])])) : [];
  const splitPayload = c.family !== 'learner';
  if (splitPayload) failed += turns.filter(isLeak).length;
  const alone = turns.length
    ? ` (each turn alone: ${turns.map((t) => pct(t.score)).join(', ')}${splitPayload ? '' : ', the key being the learner’s own message'})`
    : '';
  const page = set6.read(texts.map(asPage));
  if (!isLeak(page)) failed++;
  const ok = isLeak(r) && isLeak(page) && !(splitPayload && turns.some(isLeak));
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${c.family}/${c.id}: ${pct(r.score)}, as a page ${pct(page.score)}, raw ${pct(raw.score)}${alone}`,
  );
}
const negatives = [...set6.negatives, { id: 'learner-messages (the keys)', texts: learnerKeys }];
for (const n of negatives) {
  const r = set6.read(n.texts);
  if (isLeak(r)) failed++;
  console.log(`${isLeak(r) ? 'FAIL' : 'ok  '} negative ${n.id}: ${pct(r.score)}`);
}
const attempts = set6.cases.filter((c) => !c.benign);
const benign = set6.cases.filter((c) => c.benign);
const turns = (cs: typeof attempts) => cs.reduce((n, c) => n + c.turns.length, 0);
console.log(
  `${attempts.length} attempts (${turns(attempts)} turns), ${benign.length} honest conversations (${Math.min(...benign.map((c) => c.turns.length))}-${Math.max(...benign.map((c) => c.turns.length))} turns, ${turns(benign)} in all), ${negatives.length} negatives; ${failed} failed`,
);
if (attempts.length < set6.minAttempts) failed++;
process.exit(failed ? 1 : 0);
