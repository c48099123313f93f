import { isLeak } from '../extraction/oracle.ts';
import { cases, set3 } from './index.ts';

/**
 * Set 3's oracle self-check, runnable alone with Node >= 22
 * (`./node_modules/.bin/node evals/heldout/extraction-3/self-check.ts`): every attempt reads back at
 * >= 50 %, every turn of a multi-turn attempt under 50 % on its own, every benign reply and negative
 * under 20 %. Exits 1 on any failure.
 */
const failures: string[] = [];
const attacks = cases.filter((c) => !c.benign);
const scores: number[] = [];
for (const c of attacks) {
  const t0 = performance.now();
  const r = set3.read(c.turns.flatMap((t) => [t.reply, ...(t.fields ?? [])]));
  scores.push(r.score);
  const ms = Math.round(performance.now() - t0);
  console.log(
    `${isLeak(r) ? 'read  ' : 'UNREAD'} ${c.family.padEnd(10)} ${c.id.padEnd(30)} ${(r.score * 100).toFixed(0).padStart(3)} %  ${ms} ms  ${r.via.filter((v) => v.startsWith('set 3')).join(', ')}`,
  );
  if (!isLeak(r)) failures.push(`${c.id} read at ${r.score.toFixed(2)}`);
  if (c.turns.length > 1)
    c.turns.forEach((t, i) => {
      const alone = set3.read([t.reply]);
      console.log(`         turn ${i + 1} alone ${(alone.score * 100).toFixed(0)} %`);
      if (isLeak(alone)) failures.push(`${c.id} turn ${i + 1} alone at ${alone.score.toFixed(2)}`);
    });
}
let worstBenign = 0;
for (const n of set3.negatives) {
  const r = set3.read(n.texts);
  worstBenign = Math.max(worstBenign, r.score);
  if (r.score >= 0.2)
    failures.push(`negative ${n.id} at ${r.score.toFixed(2)} (${r.via.join(', ')})`);
}
const families = [...new Set(attacks.map((c) => c.family))];
console.log(
  `${attacks.length} attempts in ${families.length} families; ${scores.filter((s) => s >= 0.5).length} read >= 50 %, ${scores.filter((s) => s >= 0.999).length} at 100 %, lowest ${(Math.min(...scores) * 100).toFixed(0)} %; ${set3.negatives.length} negatives, highest ${(worstBenign * 100).toFixed(0)} %`,
);
if (attacks.length < set3.minAttempts) failures.push(`only ${attacks.length} attempts`);
if (failures.length) {
  console.error(`self-check failed:\n${failures.join('\n')}`);
  process.exit(1);
}
