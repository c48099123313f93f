import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import {
  listSessions,
  type SessionFilters,
  type SessionRow,
} from '../../../db/console/list-sessions.ts';
import { sessionStates } from '../../../db/console/session-states.ts';
import { formatTime, isoTime, shortId } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { fragment, page } from '../layout.ts';
import type { Viewer } from '../viewer.ts';

const statuses = ['active', 'paused', 'completed', 'cancelled'];

function filtersOf(c: Context): SessionFilters {
  const q = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 200);
  const escalated = q('escalated');
  return {
    state: q('state'),
    status: statuses.includes(q('status')) ? q('status') : '',
    learner: q('learner'),
    ...(escalated === 'yes' ? { escalated: true } : escalated === 'no' ? { escalated: false } : {}),
  };
}

function table(rows: SessionRow[]): SafeHtml {
  if (rows.length === 0) return html`<p id="sessions-list">No session matches these filters.</p>`;
  return html`<table id="sessions-list">
<caption>${rows.length} session${rows.length === 1 ? '' : 's'}, most recently changed first</caption>
<thead><tr><th scope="col">Session</th><th scope="col">Learner</th><th scope="col">Story</th><th scope="col">State</th><th scope="col">Status</th><th scope="col">Escalated</th><th scope="col">Last activity</th></tr></thead>
<tbody>${rows.map(
    (s) => html`<tr>
<td><a href="/console/sessions/${s.id}">${shortId(s.id)}</a></td>
<td>${s.learnerId}</td><td>${s.storyTitle ?? '—'}</td><td><code>${s.state}</code></td>
<td>${s.status}</td>
<td>${s.escalations > 0 || s.state === 'ESCALATE_TO_HUMAN' ? html`<span class="badge warn">yes (${s.escalations})</span>` : 'no'}</td>
<td><time datetime="${isoTime(s.lastActivityAt ?? s.updatedAt)}">${formatTime(s.lastActivityAt ?? s.updatedAt)}</time></td>
</tr>`,
  )}</tbody></table>`;
}

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

/** `/console`: every session, filtered by state, status, learner and whether it escalated. */
export async function sessionsListPage(c: Context, app: App, viewer: Viewer): Promise<Response> {
  const filters = filtersOf(c);
  const rows = await listSessions(app.database.pool, filters);
  if (c.req.query('fragment') === 'list') return fragment(table(rows));
  const states = await sessionStates(app.database.pool);
  if (filters.state && !states.includes(filters.state)) states.push(filters.state);
  const escalated = filters.escalated === undefined ? '' : filters.escalated ? 'yes' : 'no';
  return page({
    title: 'Sessions',
    area: 'console',
    current: '/console',
    viewer,
    scripts: ['console.js'],
    body: html`<form method="get" action="/console" class="filters" aria-label="Filter sessions">
<p><label for="f-state">State</label>
<select id="f-state" name="state">${option('', 'any', filters.state ?? '')}${states.map((s) => option(s, s, filters.state ?? ''))}</select></p>
<p><label for="f-status">Status</label>
<select id="f-status" name="status">${option('', 'any', filters.status ?? '')}${statuses.map((s) => option(s, s, filters.status ?? ''))}</select></p>
<p><label for="f-learner">Learner</label>
<input id="f-learner" name="learner" value="${filters.learner ?? ''}" maxlength="200" autocomplete="off"></p>
<p><label for="f-escalated">Escalated</label>
<select id="f-escalated" name="escalated">${option('', 'any', escalated)}${option('yes', 'yes', escalated)}${option('no', 'no', escalated)}</select></p>
<p><button type="submit">Filter</button></p>
</form>
<section aria-labelledby="live-title" class="live-feed">
<h2 id="live-title">Live activity</h2>
<ol id="live-events" aria-live="polite" data-live="list"><li class="muted">Waiting for new events…</li></ol>
</section>
<div id="sessions-region">${table(rows)}</div>`,
  });
}
