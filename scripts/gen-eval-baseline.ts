/**
 * Regenerates `evals/baseline.json`: the offline rules-mode run of every shipped dataset, with the
 * fields that change from run to run (timestamps, latencies) removed so the file only changes when
 * a metric or a missed case does. Prints thresholds `margin` under the baseline as a suggestion for
 * `evals/thresholds.json`.
 *
 *   node scripts/gen-eval-baseline.ts [--out evals/baseline.json] [--margin 0.05]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { mentorAgentAdapter } from '../evals/agent-adapter.ts';
import { defaultDatasets } from '../evals/cli.ts';
import { type AgentReport, type EvalReport, formatAgentTable } from '../evals/report.ts';
import { runEval } from '../evals/runner.ts';

const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' }, margin: { type: 'string' } } });
const out = values.out ?? new URL('../evals/baseline.json', import.meta.url).pathname;
const margin = Number(values.margin ?? '0.05');

// `rules/…` makes every agent answer with its rules model whatever the environment configures.
const report = await runEval({ datasets: defaultDatasets(false), adapter: mentorAgentAdapter({ model: 'rules/baseline' }), model: 'rules/baseline' });

const stable = {
  ...report,
  createdAt: undefined,
  durationMs: undefined,
  datasets: report.datasets.map((d) => ({ ...d, file: d.file.slice(d.file.lastIndexOf('evals/')) })),
  agents: Object.fromEntries(Object.entries(report.agents).map(([id, a]) => [id, { ...a, meanLatencyMs: undefined, p95LatencyMs: undefined }])),
} as unknown as EvalReport;
await writeFile(out, `${JSON.stringify(stable, null, 2)}\n`);
process.stdout.write(`${formatAgentTable(report.agents)}\n\nwrote ${out}\n\nsuggested thresholds (baseline − ${margin}):\n`);

const floor2 = (v: number) => Math.max(0, Math.floor((v - margin) * 100 + 1e-9) / 100);
const suggested: Record<string, Record<string, { min?: number; max?: number }>> = {};
for (const [id, a] of Object.entries(report.agents) as [string, AgentReport][]) {
  const t: Record<string, { min?: number; max?: number }> = { schemaValidity: { min: 1 }, errors: { max: 0 } };
  for (const m of ['accuracy', 'macroF1', 'bandHitRate', 'lengthHitRate'] as const) if (a[m] !== null && a[m] > margin) t[m] = { min: floor2(a[m]) };
  if (a.leakRate !== null) t.leakRate = { max: a.leakRate };
  suggested[id] = t;
}
process.stdout.write(`${JSON.stringify(suggested, null, 2)}\n`);
