import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import { formatDuration, formatNumber, formatPercent, formatTime } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import type { Viewer } from '../viewer.ts';

type Definitions = App['definitions'];
type Analytics = Awaited<ReturnType<Definitions['analytics']>>;
type RunView = Awaited<ReturnType<Definitions['runs']>>[number];

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : formatDuration(Math.round(value));

function statusBadge(status: string): SafeHtml {
  const tone =
    status === 'failed' || status === 'cancelled' || status === 'deprecated'
      ? 'bad'
      : status === 'completed' || status === 'active'
        ? 'ok'
        : '';
  return html`<span class="badge ${tone}">${status}</span>`;
}

/** `/console/workflows`: every user-defined workflow with its latest version and status. */
export async function workflowsPage(_c: Context, app: App, viewer: Viewer): Promise<Response> {
  const definitions = await app.definitions.list();
  return page({
    title: 'User-defined workflows',
    area: 'console',
    current: '/console/workflows',
    viewer,
    body: html`<section aria-labelledby="defs-title"><h2 id="defs-title">Definitions</h2>
${
  definitions.length
    ? html`<table id="definitions"><caption>Workflows defined as data (<code>/api/workflow-definitions</code>); open one for its runs and analytics</caption>
<thead><tr><th scope="col">Definition</th><th scope="col">Name</th><th scope="col">Latest version</th><th scope="col">Status</th><th scope="col">Updated</th></tr></thead>
<tbody>${definitions.map((d) => html`<tr data-definition="${d.id}"><td><a href="/console/workflows/${encodeURIComponent(d.id)}"><code>${d.id}</code></a></td><td>${d.name}</td><td>v${d.latestVersion}</td><td>${statusBadge(d.status)}</td><td>${formatTime(d.updatedAt)}</td></tr>`)}</tbody></table>`
    : html`<p id="definitions">No workflow is defined yet. <code>POST /api/workflow-definitions</code> with a definition (see <code>examples/workflows/</code>).</p>`
}</section>`,
  });
}

function stepsTable(analytics: Analytics): SafeHtml {
  if (!analytics.steps.length) return html`<p>No step has run yet.</p>`;
  return html`<table id="step-analytics"><caption>Per step, over every version: durations, outcomes and errors by class</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Kind</th><th scope="col">Runs</th><th scope="col">p50</th><th scope="col">p90</th><th scope="col">p99</th><th scope="col">Success</th><th scope="col">Errors</th><th scope="col">Skipped</th><th scope="col">Retried</th><th scope="col">Errors by class</th><th scope="col">Share of time</th></tr></thead>
<tbody>${analytics.steps.map((s) => {
    const classes = Object.entries(s.errorsByClass as Record<string, number>);
    return html`<tr data-step="${s.step}"><td><code>${s.step}</code></td><td>${s.kind}</td><td>${formatNumber(s.runs)}</td><td>${ms(s.durationMs.p50)}</td><td>${ms(s.durationMs.p90)}</td><td>${ms(s.durationMs.p99)}</td><td>${formatPercent(s.successRate)}</td><td>${formatPercent(s.errorRate)}</td><td>${formatPercent(s.skipRate)}</td><td>${formatPercent(s.retryRate)}</td><td>${classes.length ? classes.map(([k, n]) => `${k} ${n}`).join(', ') : '—'}</td><td>${formatPercent(s.shareOfTime)}</td></tr>`;
  })}</tbody></table>`;
}

function recommendationsList(analytics: Analytics): SafeHtml {
  if (!analytics.recommendations.length)
    return html`<p id="recommendations" class="ok-text">No recommendation.</p>`;
  return html`<ul id="recommendations" class="alerts">${analytics.recommendations.map(
    (r) =>
      html`<li data-type="${r.type}"><span class="badge ${r.priority === 'high' ? 'warn' : ''}">${r.type}, ${r.priority}</span> ${r.description} (${r.steps.join(', ')})</li>`,
  )}</ul>`;
}

function runsTable(runs: RunView[]): SafeHtml {
  if (!runs.length) return html`<p id="workflow-runs">No run yet.</p>`;
  return html`<table id="workflow-runs"><caption>Runs, newest first (<code>GET /api/workflow-runs/:id</code> has each step's result)</caption>
<thead><tr><th scope="col">Run</th><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Trigger</th><th scope="col">Attempt</th><th scope="col">Started</th><th scope="col">Finished</th></tr></thead>
<tbody>${runs.map((r) => html`<tr data-run="${r.id}"><td><code>${r.id}</code></td><td>v${r.version}</td><td>${statusBadge(r.status)}</td><td>${(r.trigger as { type?: string } | null)?.type ?? '—'}</td><td>${r.attempt}</td><td>${formatTime(r.startedAt ?? r.createdAt)}</td><td>${formatTime(r.finishedAt)}</td></tr>`)}</tbody></table>`;
}

/**
 * `/console/workflows/:id`: one definition's analytics (seed 004's execution monitor: step
 * percentiles, success and error rates by class, bottlenecks, the daily trend, recommendations)
 * and its runs. An unknown id is the service's 404, shown as the 404 page.
 */
export async function workflowPage(c: Context, app: App, viewer: Viewer): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const definition = await app.definitions.get(id);
  const [analytics, runs] = await Promise.all([
    app.definitions.analytics(id),
    app.definitions.runs(id),
  ]);
  return page({
    title: `Workflow ${definition.name}`,
    area: 'console',
    current: '/console/workflows',
    viewer,
    body: html`<p><a href="/console/workflows">All workflows</a></p>
<section aria-labelledby="def-title"><h2 id="def-title"><code>${definition.id}</code> v${definition.latestVersion} ${statusBadge(definition.status)}</h2>
${definition.description ? html`<p>${definition.description}</p>` : ''}
<dl class="cards" id="workflow-figures">
<div><dt>Runs</dt><dd id="w-runs">${formatNumber(analytics.runs)}</dd></div>
<div><dt>Success rate</dt><dd id="w-success">${analytics.runs ? formatPercent(analytics.successRate) : '—'}</dd></div>
<div><dt>Failure rate</dt><dd id="w-failure">${analytics.runs ? formatPercent(analytics.failureRate) : '—'}</dd></div>
<div><dt>Versions</dt><dd>${definition.versions.length}</dd></div>
</dl></section>
<section aria-labelledby="rec-title"><h2 id="rec-title">Recommendations</h2>${recommendationsList(analytics)}</section>
<section aria-labelledby="steps-title"><h2 id="steps-title">Steps</h2>${stepsTable(analytics)}
${analytics.bottlenecks.length ? html`<p id="bottlenecks">Bottlenecks: ${analytics.bottlenecks.map((b) => `${b.step} (${formatPercent(b.shareOfTime)} of the time)`).join(', ')}</p>` : ''}</section>
<section aria-labelledby="trend-title"><h2 id="trend-title">Trend</h2>
${
  analytics.trend.length
    ? html`<table id="trend"><caption>Runs per day</caption><thead><tr><th scope="col">Day</th><th scope="col">Runs</th><th scope="col">Completed</th><th scope="col">Failed</th><th scope="col">Median duration</th></tr></thead>
<tbody>${analytics.trend.map((d) => html`<tr><td>${d.day}</td><td>${d.runs}</td><td>${d.completed}</td><td>${d.failed}</td><td>${ms(d.p50_ms)}</td></tr>`)}</tbody></table>`
    : html`<p>No run yet.</p>`
}</section>
<section aria-labelledby="wruns-title"><h2 id="wruns-title">Runs</h2>${runsTable(runs)}</section>`,
  });
}
