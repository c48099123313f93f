import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import { approvalsQueue, type PendingApproval } from '../../../db/console/approvals-queue.ts';
import { recentRuns, type RunRow } from '../../../db/console/recent-runs.ts';
import { runAlertFigures } from '../../../db/console/run-alert-figures.ts';
import { tokenUsage, type TokenUsage } from '../../../db/console/token-usage.ts';
import { selectUndeliveredNotices } from '../../../db/notify/select-undelivered-notices.ts';
import type { NotificationView } from '../../../db/notify/types.ts';
import { runMetrics, type RunMetrics } from '../../../runs/run-metrics.ts';
import {
  formatDuration,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatTime,
  shortId,
} from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { fragment, page } from '../layout.ts';
import type { Viewer } from '../viewer.ts';
import { deliveriesTable } from './deliveries-table.ts';

/** Alert thresholds: failures over the last day, a phase running this long (scaled by TIME_SCALE). */
export const alertRules = {
  failureWindowMs: 24 * 3600_000,
  failureRate: 0.25,
  minFinished: 3,
  stuckAfterMs: 30 * 60_000,
};

export interface Alert {
  kind: 'failure-rate' | 'stuck-runs' | 'overdue-approvals';
  message: string;
}

async function alerts(app: App): Promise<Alert[]> {
  const figures = await runAlertFigures(app.database.pool, {
    windowMs: alertRules.failureWindowMs,
    stuckAfterMs: Math.round(alertRules.stuckAfterMs * app.config.TIME_SCALE),
  });
  const out: Alert[] = [];
  const { finishedRecently: finished, failedRecently: failed } = figures;
  if (finished >= alertRules.minFinished && failed / finished >= alertRules.failureRate) {
    out.push({
      kind: 'failure-rate',
      message: `${failed} of ${finished} runs finished in the last 24 h failed (${formatPercent(failed / finished)}; alert at ${formatPercent(alertRules.failureRate)})`,
    });
  }
  if (figures.stuckRuns.length) {
    out.push({
      kind: 'stuck-runs',
      message: `${figures.stuckRuns.length} run${figures.stuckRuns.length === 1 ? '' : 's'} stuck in one phase for over ${formatDuration(alertRules.stuckAfterMs * app.config.TIME_SCALE)}: ${figures.stuckRuns.join(', ')}`,
    });
  }
  if (figures.overdueApprovals.length) {
    out.push({
      kind: 'overdue-approvals',
      message: `${figures.overdueApprovals.length} approval${figures.overdueApprovals.length === 1 ? '' : 's'} waiting past ${figures.overdueApprovals.length === 1 ? 'its' : 'their'} time: ${figures.overdueApprovals.join(', ')}`,
    });
  }
  return out;
}

function figuresView(
  metrics: RunMetrics,
  usage: TokenUsage[],
  found: Alert[],
  runs: RunRow[],
): SafeHtml {
  const phases = [
    ['plan', 'Planning'],
    ['review', 'Review'],
    ['refine', 'Refinement'],
    ['approval', 'Approval'],
    ['implement', 'Implementation'],
  ] as const;
  return html`<section aria-labelledby="alerts-title"><h2 id="alerts-title">Alerts</h2>
${found.length ? html`<ul class="alerts" id="alerts">${found.map((a) => html`<li class="alert" data-kind="${a.kind}">${a.message}</li>`)}</ul>` : html`<p id="alerts" class="ok-text">No alert.</p>`}</section>
<section aria-labelledby="dash-title"><h2 id="dash-title">Workflow performance</h2>
<dl class="cards" id="dashboard">
<div><dt>Active runs</dt><dd id="m-active">${metrics.activeWorkflows}</dd></div>
<div><dt>Average review score</dt><dd id="m-score">${metrics.avgReviewScore ?? '—'}</dd></div>
<div><dt>Success rate</dt><dd id="m-success">${formatPercent(metrics.successRate)}</dd></div>
<div><dt>Refinement frequency</dt><dd id="m-refine">${formatPercent(metrics.refinementFrequency)}</dd></div>
<div><dt>Finished runs</dt><dd>${metrics.finishedWorkflows}</dd></div>
</dl>
<table><caption>Phase times (mean of completed phases)</caption><thead><tr>${phases.map(([, label]) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody><tr>${phases.map(([phase]) => html`<td>${formatMinutes(metrics.phaseMinutes[phase])}</td>`)}</tr></tbody></table>
<table id="token-usage"><caption>Token usage by model (agent calls of mentoring turns and implementation runs)</caption>
<thead><tr><th scope="col">Model</th><th scope="col">Calls</th><th scope="col">Tokens in</th><th scope="col">Tokens out</th><th scope="col">Rules fallback</th><th scope="col">Mean latency</th></tr></thead>
<tbody>${usage.length ? usage.map((u) => html`<tr><td>${u.model}</td><td>${formatNumber(u.calls)}</td><td>${formatNumber(u.tokensIn)}</td><td>${formatNumber(u.tokensOut)}</td><td>${formatNumber(u.fallbackCalls)}</td><td>${u.avgLatencyMs === null ? '—' : `${u.avgLatencyMs} ms`}</td></tr>`) : html`<tr><td colspan="6">No agent call yet.</td></tr>`}</tbody></table>
</section>
<section aria-labelledby="runs-title"><h2 id="runs-title">Runs</h2>
<table id="runs"><caption>Active runs first, then the most recently changed</caption>
<thead><tr><th scope="col">Run</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Phase</th><th scope="col">Attempt</th><th scope="col">Updated</th></tr></thead>
<tbody>${runs.map((r) => html`<tr data-run="${r.id}"><td><code>${r.id}</code></td><td>${r.request}</td><td><span class="badge ${r.status === 'failed' || r.status === 'rejected' ? 'bad' : r.status === 'completed' ? 'ok' : ''}">${r.status}</span></td><td>${r.currentPhase ?? '—'}</td><td>${r.attempt}</td><td>${formatTime(r.updatedAt)}</td></tr>`)}</tbody></table></section>`;
}

/** One approval request with its own form; keyed by run so live refreshes keep what is being typed. */
function approvalItem(a: PendingApproval): SafeHtml {
  const comment = `comment-${a.id}`;
  return html`<li data-key="${a.id}" class="approval${a.overdue ? ' overdue' : ''}">
<h3><code>${a.id}</code>: ${a.request}</h3>
<p>Plan review score ${a.score ?? '—'}; asked ${a.approver ? `of ${a.approver} ` : ''}at ${formatTime(a.requestedAt)}; times out ${formatTime(a.timeoutAt)}${a.overdue ? html` <span class="badge warn">overdue</span>` : ''}</p>
${a.requirements.length ? html`<ul>${a.requirements.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
<form class="approval-form" data-run="${a.id}">
<p><label for="${comment}">Comment for run ${a.id}</label>
<textarea id="${comment}" name="comment" rows="2" maxlength="2000"></textarea></p>
<p><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="reject">Reject</button></p>
</form></li>`;
}

function approvalsView(queue: PendingApproval[]): SafeHtml {
  return html`${queue.map(approvalItem)}`;
}

/** One notification with a delivery still retrying or dead, keyed so a live refresh keeps focus. */
function undeliveredItem(n: NotificationView): SafeHtml {
  const about = n.runId
    ? html`run <code>${n.runId}</code>`
    : html`session <a href="/console/sessions/${n.sessionId ?? ''}">${shortId(n.sessionId ?? '')}</a>`;
  return html`<li data-key="${n.source}-${String(n.id)}" class="notice">
<h3>${n.kind} <span class="muted">(${n.source} notification ${String(n.id)})</span></h3>
<p>For ${n.recipient ?? '—'}; ${about}; written ${formatTime(n.createdAt)}</p>
${deliveriesTable(`Deliveries of ${n.kind} ${n.id}`, n.deliveries)}</li>`;
}

function undeliveredView(list: NotificationView[]): SafeHtml {
  return html`${list.map(undeliveredItem)}`;
}

/** `/console/runs`: seed 003's dashboard, alerts, the approvals queue and the runs, live. */
export async function runsPage(c: Context, app: App, viewer: Viewer): Promise<Response> {
  const which = c.req.query('fragment');
  const pool = app.database.pool;
  if (which === 'approvals') return fragment(approvalsView(await approvalsQueue(pool)));
  if (which === 'undelivered')
    return fragment(undeliveredView(await selectUndeliveredNotices(pool)));
  const [metrics, usage, found, runs] = await Promise.all([
    runMetrics(pool),
    tokenUsage(pool),
    alerts(app),
    recentRuns(pool),
  ]);
  const figures = figuresView(metrics, usage, found, runs);
  if (which === 'figures') return fragment(figures);
  const [queue, undelivered] = await Promise.all([
    approvalsQueue(pool),
    selectUndeliveredNotices(pool),
  ]);
  return page({
    title: 'Implementation runs',
    area: 'console',
    current: '/console/runs',
    viewer,
    scripts: ['console.js'],
    body: html`<section aria-labelledby="queue-title"><h2 id="queue-title">Approvals queue</h2>
<p id="action-status" role="status"></p>
<p id="queue-empty"${queue.length ? html` hidden` : ''}>No run is waiting for approval.</p>
<ol id="approvals" class="approvals" aria-live="polite" data-fragment="/console/runs?fragment=approvals">${approvalsView(queue)}</ol></section>
<section aria-labelledby="undelivered-title"><h2 id="undelivered-title">Undelivered notifications</h2>
<p class="muted">Approval requests and notices with a delivery still retrying or dead-lettered (an escalation's deliveries are in the <a href="/console/escalations">inbox</a>).</p>
<p id="undelivered-empty"${undelivered.length ? html` hidden` : ''}>Every notification has been delivered.</p>
<ol id="undelivered" class="approvals" aria-live="polite" aria-label="Undelivered notifications" data-fragment="/console/runs?fragment=undelivered">${undeliveredView(undelivered)}</ol></section>
<div id="figures" aria-live="polite" data-fragment="/console/runs?fragment=figures">${figures}</div>`,
  });
}
