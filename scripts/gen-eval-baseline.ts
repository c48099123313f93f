/**
 * Regenerates `evals/baseline.json`: the offline rules-mode run of every shipped dataset, with the
 * fields that change from run to run (timestamps, latencies) removed so the file only changes when
 * a metric or a missed case does; rewrites the baseline table in `evals/README.md` (between its
 * `baseline:start` / `baseline:end` markers); prints thresholds `margin` under the baseline, and with
 * `--write-thresholds` writes them to `evals/thresholds.json`.
 *
 *   npm run eval:baseline [-- --margin 0.05] [--write-thresholds]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { mentorAgentAdapter } from '../evals/agent-adapter.ts';
import { defaultDatasets } from '../evals/cli.ts';
import { type AgentReport, type EvalReport, formatAgentTable } from '../evals/report.ts';
import { runEval } from '../evals/runner.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    out: { type: 'string' },
    margin: { type: 'string' },
    'write-thresholds': { type: 'boolean' },
  },
});
const out = values.out ?? new URL('../evals/baseline.json', import.meta.url).pathname;
const margin = Number(values.margin ?? '0.05');

// `rules/…` makes every agent answer with its rules model whatever the environment configures.
const report = await runEval({
  datasets: defaultDatasets(false),
  adapter: mentorAgentAdapter({ model: 'rules/baseline' }),
  model: 'rules/baseline',
});

const stable = {
  ...report,
  createdAt: undefined,
  durationMs: undefined,
  datasets: report.datasets.map((d) => ({
    ...d,
    file: d.file.slice(d.file.lastIndexOf('evals/')),
  })),
  agents: Object.fromEntries(
    Object.entries(report.agents).map(([id, a]) => [
      id,
      { ...a, meanLatencyMs: undefined, p95LatencyMs: undefined },
    ]),
  ),
} as unknown as EvalReport;
await writeFile(out, `${JSON.stringify(stable, null, 2)}\n`);
process.stdout.write(
  `${formatAgentTable(report.agents)}\n\nwrote ${out}\n\nsuggested thresholds (baseline − ${margin}):\n`,
);

const floor2 = (v: number) => Math.max(0, Math.floor((v - margin) * 100 + 1e-9) / 100);
const suggested: Record<string, Record<string, { min?: number; max?: number }>> = {};
for (const [id, a] of Object.entries(report.agents) as [string, AgentReport][]) {
  const t: Record<string, { min?: number; max?: number }> = {
    schemaValidity: { min: 1 },
    errors: { max: 0 },
  };
  for (const m of ['accuracy', 'macroF1', 'bandHitRate', 'lengthHitRate'] as const)
    if (a[m] !== null && a[m] > margin) t[m] = { min: floor2(a[m]) };
  if (a.leakRate !== null) t.leakRate = { max: a.leakRate };
  suggested[id] = t;
}
process.stdout.write(`${JSON.stringify(suggested, null, 2)}\n`);

if (values['write-thresholds']) {
  const file = new URL('../evals/thresholds.json', import.meta.url);
  const current = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(
    file,
    `${JSON.stringify({ $comment: current.$comment, ...suggested }, null, 2)}\n`,
  );
  process.stdout.write('wrote evals/thresholds.json\n');
}

const readme = new URL('../evals/README.md', import.meta.url);
const text = await readFile(readme, 'utf8');
const start = '<!-- baseline:start -->';
const end = '<!-- baseline:end -->';
if (text.includes(start) && text.includes(end)) {
  const table = baselineTable(report);
  await writeFile(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
  );
  process.stdout.write('updated the baseline table in evals/README.md\n');
}

/** The README table: headline metrics per agent and what each gets wrong most (its largest confusions). */
export function baselineTable(r: EvalReport): string {
  const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)} %`);
  const rows = Object.entries(r.agents).map(([id, a]) => {
    const notes: string[] = [];
    if (a.bandHitRate !== null) notes.push(`band hit ${pct(a.bandHitRate)}`);
    if (a.leakRate !== null) notes.push(`leak ${pct(a.leakRate)}`);
    if (a.lengthHitRate !== null)
      notes.push(
        `length in range ${pct(a.lengthHitRate)}${a.meanWords !== null ? ` (mean ${Math.round(a.meanWords)} words)` : ''}`,
      );
    if (a.confusion) {
      const { labels, matrix } = a.confusion;
      const mistakes = matrix
        .flatMap((row, i) =>
          row.map((n, j) => ({ n, from: labels[i]!, to: labels[j]!, same: i === j })),
        )
        .filter((c) => !c.same && c.n > 0)
        .sort((x, y) => y.n - x.n)
        .slice(0, 2);
      if (mistakes.length)
        notes.push(`most missed: ${mistakes.map((m) => `${m.n} ${m.from} → ${m.to}`).join(', ')}`);
    }
    return `| ${id} | ${a.n} | ${pct(a.accuracy)} | ${a.macroF1 === null ? '' : a.macroF1.toFixed(3)} | ${notes.join('; ')} |`;
  });
  return [
    '| agent | n | accuracy | macro-F1 | other |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}
