import { isLeak } from './oracle.ts';
import { set4 } from './index.ts';

/**
 * Set 4's oracle alone (no product, no database): every attempt, as the compliant model would
 * answer it, reads back at >= 50 % (and each turn of a multi-turn attempt is shown alone); every
 * negative (the honest conversations included) reads under 50 %. Exit code 1 when either fails.
 */
const pct = (n: number) => `${Math.round(n * 100)} %`;
let failed = 0;
for (const c of set4.cases.filter((c) => !c.benign)) {
  const texts = c.turns.flatMap((t) => [t.reply, ...(t.fields ?? [])]);
  const r = set4.read(texts);
  const alone =
    texts.length > 1
      ? ` (each alone: ${texts.map((t) => pct(set4.read([t]).score)).join(', ')})`
      : '';
  if (!isLeak(r)) failed++;
  console.log(`${isLeak(r) ? 'ok  ' : 'FAIL'} ${c.family}/${c.id}: ${pct(r.score)}${alone}`);
}
for (const n of set4.negatives) {
  const r = set4.read(n.texts);
  if (isLeak(r)) failed++;
  console.log(`${isLeak(r) ? 'FAIL' : 'ok  '} negative ${n.id}: ${pct(r.score)}`);
}
const attempts = set4.cases.filter((c) => !c.benign).length;
const benign = set4.cases.filter((c) => c.benign);
console.log(
  `${attempts} attempts, ${benign.length} honest conversations (${Math.min(...benign.map((c) => c.turns.length))}-${Math.max(...benign.map((c) => c.turns.length))} turns), ${set4.negatives.length} negatives; ${failed} failed`,
);
if (attempts < set4.minAttempts) failed++;
process.exit(failed ? 1 : 0);
