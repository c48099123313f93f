import { set5 } from './index.ts';
import { isLeak } from './oracle.ts';

/**
 * Set 5's oracle alone (no product, no database): every attempt, as the compliant model would
 * answer it, reads back at >= 50 % (as sent, and HTML-escaped as the chat page shows it); each turn of a multi-turn attempt (its reply and fields), alone,
 * reads under 50 %; every negative (the honest conversations included) reads under 50 %. Exit code
 * 1 when any of these fails.
 */
const pct = (n: number) => `${Math.round(n * 100)} %`;
const asPage = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
let failed = 0;
for (const c of set5.cases.filter((c) => !c.benign)) {
  const r = set5.read(c.turns.flatMap((t) => [t.reply, ...(t.fields ?? [])]));
  if (!isLeak(r)) failed++;
  const turns =
    c.turns.length > 1 ? c.turns.map((t) => set5.read([t.reply, ...(t.fields ?? [])])) : [];
  failed += turns.filter(isLeak).length;
  const alone = turns.length
    ? ` (each turn alone: ${turns.map((t) => pct(t.score)).join(', ')})`
    : '';
  // As the chat page shows it: HTML-escaped.
  const page = set5.read(c.turns.flatMap((t) => [t.reply, ...(t.fields ?? [])].map(asPage)));
  if (!isLeak(page)) failed++;
  const ok = isLeak(r) && isLeak(page) && !turns.some(isLeak);
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${c.family}/${c.id}: ${pct(r.score)}, as a page ${pct(page.score)}${alone}`,
  );
}
for (const n of set5.negatives) {
  const r = set5.read(n.texts);
  if (isLeak(r)) failed++;
  console.log(`${isLeak(r) ? 'FAIL' : 'ok  '} negative ${n.id}: ${pct(r.score)}`);
}
const attempts = set5.cases.filter((c) => !c.benign);
const benign = set5.cases.filter((c) => c.benign);
const turns = (cs: typeof attempts) => cs.reduce((n, c) => n + c.turns.length, 0);
console.log(
  `${attempts.length} attempts (${turns(attempts)} turns), ${benign.length} honest conversations (${Math.min(...benign.map((c) => c.turns.length))}-${Math.max(...benign.map((c) => c.turns.length))} turns, ${turns(benign)} in all), ${set5.negatives.length} negatives; ${failed} failed`,
);
if (attempts.length < set5.minAttempts) failed++;
process.exit(failed ? 1 : 0);
