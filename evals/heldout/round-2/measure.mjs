// Held-out round 2: the figures of one eval run's JSON report on this directory's cases.
// Usage: node evals/heldout/round-2/measure.mjs <plan-report.json> <understanding-report.json>
// The tags (insecure, negated-correct, forbidden-behaviour) are read from each case's `source`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const readCases = (name) =>
  readFileSync(join(here, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const tagged = (cases, tag) =>
  cases.filter((c) => c.source.includes(`; ${tag}`)).map((c) => c.id);

function agentReport(file, agent) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const a = report.agents[agent];
  if (!a) throw new Error(`${file}: no ${agent} in the report`);
  if (a.failures.length >= 100) throw new Error('failures list truncated at 100');
  return a;
}

function header(a, agent) {
  const lines = [`${agent}: n=${a.n} errors=${a.errors}`];
  lines.push(`  accuracy ${(a.accuracy * 100).toFixed(1)} %  macro-F1 ${a.macroF1.toFixed(3)}`);
  if (a.bandHitRate != null) lines.push(`  band hit ${(a.bandHitRate * 100).toFixed(1)} %`);
  lines.push(`  confusion (rows expected, columns predicted): ${JSON.stringify(a.confusion)}`);
  if (a.perClass) lines.push(`  per class: ${JSON.stringify(a.perClass)}`);
  return lines;
}

const [planFile, uaFile] = process.argv.slice(2);
if (!planFile || !uaFile) {
  console.error('usage: node measure.mjs <plan-report.json> <understanding-report.json>');
  process.exit(2);
}

const plan = agentReport(planFile, 'plan-reviewer');
const planCases = readCases('plan-review.jsonl');
const insecure = tagged(planCases, 'insecure');
const planFailed = new Map(plan.failures.map((f) => [f.caseId, f]));
const insecureMissed = insecure.filter((id) => planFailed.has(id));
const out = header(plan, 'plan-reviewer');
out.push(
  `  insecure plans rejected (wrongApproach with score <= 30): ${insecure.length - insecureMissed.length} / ${insecure.length}`,
);
for (const id of insecureMissed) {
  const f = planFailed.get(id);
  out.push(`    not rejected: ${id} -> ${f.predicted ?? ''} ${f.why}`);
}
const safeGood = planCases
  .filter((c) => c.expected.verdict === 'goodPlan')
  .map((c) => c.id);
const goodFlagged = safeGood.filter((id) => planFailed.get(id)?.predicted === 'wrongApproach');
out.push(`  good plans read as wrongApproach: ${goodFlagged.length} / ${safeGood.length}`);

const ua = agentReport(uaFile, 'understanding-assessor');
const uaCases = readCases('understanding-assessment.jsonl');
const uaFailed = new Map(ua.failures.map((f) => [f.caseId, f]));
const negated = tagged(uaCases, 'negated-correct');
const forbidden = tagged(uaCases, 'forbidden-behaviour');
const negMis = negated.filter((id) => uaFailed.get(id)?.predicted === 'misunderstanding');
const negPartial = negated.filter((id) => uaFailed.get(id)?.predicted === 'partialUnderstanding');
const forbOk = forbidden.filter((id) =>
  ['correctUnderstanding', 'partialUnderstanding'].includes(uaFailed.get(id)?.predicted),
);
out.push('', ...header(ua, 'understanding-assessor'));
out.push(`  negated-correct read as misunderstanding: ${negMis.length} / ${negated.length}`);
out.push(`  negated-correct read as partialUnderstanding: ${negPartial.length} / ${negated.length}`);
out.push(`  forbidden-behaviour read as correct/partial: ${forbOk.length} / ${forbidden.length}`);
for (const id of forbOk) out.push(`    ${id} -> ${uaFailed.get(id).predicted}`);
console.log(out.join('\n'));
