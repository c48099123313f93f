import type { ConfusionMatrix } from './metrics.ts';
import type { AgentReport, CalibrationReport, EvalReport } from './report.ts';

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, d = 3) => (v === null ? '–' : v.toFixed(d));

function table(header: string[], rows: (string | number)[][], raw = false): string {
  const cell = (v: string | number) => (raw ? String(v) : esc(v));
  return `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Confusion matrix as a heat map: each cell shaded by its share of the row (green diagonal, red off it). */
function confusionTable(cm: ConfusionMatrix): string {
  const head = `<tr><th>expected ↓ / predicted →</th>${cm.labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr>`;
  const body = cm.matrix
    .map((row, i) => {
      const total = row.reduce((a, b) => a + b, 0) || 1;
      const cells = row
        .map((v, j) => {
          const alpha = (v / total).toFixed(2);
          const colour = i === j ? `rgba(34,139,34,${alpha})` : `rgba(200,40,40,${alpha})`;
          return `<td class="num" style="background:${colour}">${v}</td>`;
        })
        .join('');
      return `<tr><th>${esc(cm.labels[i])}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="confusion"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function agentSection(id: string, a: AgentReport): string {
  const metrics: [string, string][] = [
    ['cases', String(a.n)],
    ['errors', String(a.errors)],
    ['accuracy', pct(a.accuracy)],
    ['macro-F1', num(a.macroF1)],
    ['score band hit rate', pct(a.bandHitRate)],
    ['schema validity', pct(a.schemaValidity)],
    ['leak rate', pct(a.leakRate)],
    ['length in range', pct(a.lengthHitRate)],
    ['mean words', num(a.meanWords, 1)],
    ['readability (Flesch / 100)', num(a.meanReadability, 2)],
    ['completeness (@mastra/evals)', num(a.completeness)],
    ['judge mean (0–1)', a.judge ? num(a.judge.mean) : '–'],
    ['toxicity (@mastra/evals, judge)', num(a.toxicity)],
    ['latency mean / p95 (ms)', `${a.meanLatencyMs.toFixed(1)} / ${a.p95LatencyMs.toFixed(1)}`],
    ['tokens in / out', `${a.tokens.input} / ${a.tokens.output}`],
    ['models', a.models.join(', ') || '–'],
    ['rules fallbacks', String(a.fallbacks)],
  ];
  const parts = [`<section><h2>${esc(id)}</h2>`, table(['metric', 'value'], metrics)];
  if (a.answeredBy?.length)
    parts.push(
      `<details${a.fallbacks ? ' open' : ''}><summary>Model that answered each case${a.fallbacks ? ` (${a.fallbacks} fell back to rules)` : ''}</summary>`,
      table(
        ['case', 'answered by', 'fallback'],
        a.answeredBy.map((c) => [c.caseId, c.model ?? '(error)', c.fallback ? 'yes' : '']),
      ),
      '</details>',
    );
  if (a.confusion) parts.push('<h3>Confusion matrix</h3>', confusionTable(a.confusion));
  if (a.perClass)
    parts.push(
      '<h3>Per class</h3>',
      table(
        ['label', 'precision', 'recall', 'F1', 'support'],
        a.perClass.map((c) => [c.label, num(c.precision), num(c.recall), num(c.f1), c.support]),
      ),
    );
  if (a.judge)
    parts.push(
      '<h3>Judge ratings (mean, 1–5)</h3>',
      table(
        ['dimension', 'mean'],
        Object.entries(a.judge.dimensions).map(([d, v]) => [d, v.toFixed(2)]),
      ),
    );
  if (a.failures.length) {
    parts.push(
      `<details><summary>${a.failures.length} missed case(s)</summary>`,
      table(
        ['case', 'expected', 'predicted', 'why'],
        a.failures.map((f) => [f.caseId, f.expected ?? '', f.predicted ?? '', f.why]),
      ),
      '</details>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function calibrationSection(c: CalibrationReport): string {
  return `<section><h2>Judge calibration — ${esc(c.judge)} (${c.n} labelled hints)</h2>${table(
    ['dimension', 'n', 'exact', 'within 1', 'MAE', 'QW kappa'],
    Object.entries(c.dimensions).map(([d, a]) => [
      d,
      a.n,
      pct(a.exact),
      pct(a.withinOne),
      a.meanAbsoluteError.toFixed(2),
      a.quadraticKappa.toFixed(3),
    ]),
  )}<p>Mean quadratic weighted kappa ${c.meanQuadraticKappa.toFixed(3)}, mean exact agreement ${pct(c.meanExact)}.</p></section>`;
}

/** A self-contained HTML page (inline CSS, no scripts, no external assets) for one eval run. */
export function renderHtmlReport(report: EvalReport): string {
  const summary = table(
    [
      'agent',
      'n',
      'accuracy',
      'macro-F1',
      'band hit',
      'leak',
      'length ok',
      'complete',
      'toxic',
      'mean ms',
      'tokens in/out',
    ],
    Object.entries(report.agents).map(([id, a]) => [
      id,
      a.n,
      pct(a.accuracy),
      num(a.macroF1),
      pct(a.bandHitRate),
      pct(a.leakRate),
      pct(a.lengthHitRate),
      num(a.completeness),
      num(a.toxicity),
      a.meanLatencyMs.toFixed(1),
      `${a.tokens.input}/${a.tokens.output}`,
    ]),
  );
  const lineErrors = report.datasets.flatMap((d) =>
    d.lineErrors.map((e) => [d.file, e.line, e.message] as (string | number)[]),
  );
  const thresholds = report.thresholdFailures.map((f) => [
    f.agent,
    f.metric,
    f.value === null ? 'not measured' : f.value.toFixed(3),
    f.min ?? '',
    f.max ?? '',
  ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mentorflow eval ${esc(report.createdAt)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d1d1f;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num,.confusion td{text-align:right;font-variant-numeric:tabular-nums}
section{border-top:2px solid #ddd;margin-top:1.5rem}.bad{color:#b00020}.ok{color:#1b7f1b}code{background:#f3f3f3;padding:0 .2rem}
</style></head><body>
<h1>mentorflow eval report</h1>
<p>${esc(report.createdAt)} · model <code>${esc(report.model)}</code> · judge <code>${esc(report.judge ?? 'none')}</code> · ${(report.durationMs / 1000).toFixed(1)} s</p>
<p>Datasets: ${report.datasets.map((d) => `<code>${esc(d.file)}</code> (${d.cases} cases${d.lineErrors.length ? `, ${d.lineErrors.length} malformed line(s)` : ''})`).join(', ')}</p>
${report.thresholdFailures.length ? `<h2 class="bad">Below threshold</h2>${table(['agent', 'metric', 'value', 'min', 'max'], thresholds)}` : '<p class="ok">All thresholds met.</p>'}
<h2>Summary</h2>
${summary}
${lineErrors.length ? `<h2>Malformed dataset lines</h2>${table(['file', 'line', 'problem'], lineErrors)}` : ''}
${Object.entries(report.agents)
  .map(([id, a]) => agentSection(id, a))
  .join('\n')}
${report.judgeCalibration ? calibrationSection(report.judgeCalibration) : ''}
</body></html>
`;
}
