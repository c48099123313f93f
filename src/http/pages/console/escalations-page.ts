import type { Context } from 'hono';
import { formatTime, shortId } from '../format.ts';
import { callApi } from '../api-call.ts';
import { type DeliveryJson, deliveriesTable } from './deliveries-table.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorPage, fragment, page } from '../layout.ts';
import type { Viewer } from '../viewer.ts';

/** An escalation as `GET /api/escalations` answers it (the delivery module's contract). */
export interface EscalationJson {
  id: number | string;
  sessionId: string;
  learnerId: string;
  kind: string;
  reason: string | null;
  level: number;
  status: 'open' | 'acknowledged' | 'resolved';
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  assignedTo: string | null;
  resolvedAt: string | null;
  resolvedBy?: string | null;
  deliveries: DeliveryJson[];
}

const statuses = ['open', 'acknowledged', 'resolved'] as const;

function deliveries(e: EscalationJson): SafeHtml {
  if (!e.deliveries?.length)
    return html`<p class="muted">No delivery (no channel configured for it).</p>`;
  return deliveriesTable(`Deliveries of escalation ${e.id}`, e.deliveries);
}

/**
 * The operator's actions; none on a resolved escalation (the API would answer 409 to each). An
 * action's outcome shows once, in the page's status line (`#action-status`).
 */
function actions(e: EscalationJson): SafeHtml {
  const id = String(e.id);
  if (e.status === 'resolved')
    return html`<p class="muted resolved-note">Resolved${e.resolvedBy ? ` by ${e.resolvedBy}` : ''} ${formatTime(e.resolvedAt)}: nothing more to do here.</p>`;
  return html`<div class="actions">
<form data-action="acknowledge" data-escalation="${id}"><p><button type="submit">Acknowledge escalation ${id}</button></p></form>
<form data-action="assign" data-escalation="${id}"><p><label for="assign-${id}">Assign to mentor (id)</label>
<input id="assign-${id}" name="mentorId" type="text" required maxlength="200" value=""></p>
<p><button type="submit">Assign</button></p></form>
<form data-action="resolve" data-escalation="${id}"><p><label for="note-${id}">Resolution note (optional)</label>
<input id="note-${id}" name="note" type="text" maxlength="2000"></p>
<p><button type="submit">Resolve</button></p></form>
<form data-action="reply" data-escalation="${id}" class="reply-form"><p><label for="reply-${id}">Reply to learner ${e.learnerId} as mentor</label>
<textarea id="reply-${id}" name="text" rows="3" required maxlength="20000"></textarea></p>
<p><button type="submit">Send reply</button></p></form>
</div>`;
}

/** One escalation in the inbox, keyed so that live refreshes keep what the operator is typing. */
export function escalationItem(e: EscalationJson): SafeHtml {
  return html`<li data-key="${String(e.id)}" class="${e.status}" id="escalation-${String(e.id)}">
<h3><a href="/console/escalations/${String(e.id)}">Escalation ${String(e.id)}</a>: ${e.kind} — <span class="badge ${e.status === 'resolved' ? 'ok' : 'warn'}">${e.status}</span> level ${e.level}</h3>
<p>${e.reason ?? 'No reason given.'}</p>
<p>Learner <strong>${e.learnerId}</strong>, session <a href="/console/sessions/${e.sessionId}">${shortId(e.sessionId)}</a>; raised ${formatTime(e.createdAt)}${e.acknowledgedAt ? `; acknowledged by ${e.acknowledgedBy ?? '?'} ${formatTime(e.acknowledgedAt)}` : ''}${e.assignedTo ? `; assigned to ${e.assignedTo}` : ''}${e.resolvedAt ? `; resolved ${formatTime(e.resolvedAt)}` : ''}</p>
${deliveries(e)}
${actions(e)}
</li>`;
}

function unavailable(status: number, body: { error?: { message?: string } } | null): SafeHtml {
  return html`<p role="alert" class="error">The escalations API answered ${status}: ${body?.error?.message ?? 'no details'}</p>`;
}

const actorField = html`<p><label for="actor">Your name (recorded with acknowledgements, resolutions and replies)</label>
<input id="actor" name="actor" type="text" maxlength="200" value="operator" autocomplete="name"></p>
<p id="action-status" role="status"></p>`;

/** `/console/escalations`: the inbox, filtered by status (open by default) and session, live. */
export async function escalationsPage(c: Context, viewer: Viewer): Promise<Response> {
  const requested = c.req.query('status') ?? 'open';
  const status = (statuses as readonly string[]).includes(requested) ? requested : 'all';
  const sessionId = (c.req.query('sessionId') ?? '').trim();
  const query = new URLSearchParams();
  if (status !== 'all') query.set('status', status);
  if (sessionId) query.set('sessionId', sessionId);
  const answer = await callApi<{ escalations: EscalationJson[] }>(
    c,
    viewer,
    `/api/escalations?${query}`,
  );
  const list = answer.status === 200 ? answer.body.escalations : [];
  const items = html`${list.map(escalationItem)}`;
  if (c.req.query('fragment') === 'list') return fragment(items);
  const option = (value: string) =>
    html`<option value="${value}"${value === status ? html` selected` : ''}>${value}</option>`;
  return page({
    title: 'Escalations',
    area: 'console',
    current: '/console/escalations',
    viewer,
    scripts: ['console.js'],
    body: html`<form method="get" action="/console/escalations" class="filters" aria-label="Filter escalations">
<p><label for="e-status">Status</label><select id="e-status" name="status">${['open', 'acknowledged', 'resolved', 'all'].map(option)}</select></p>
<p><label for="e-session">Session id</label><input id="e-session" name="sessionId" value="${sessionId}" maxlength="100"></p>
<p><button type="submit">Filter</button></p></form>
${actorField}
${answer.status === 200 ? '' : unavailable(answer.status, answer.body as { error?: { message?: string } })}
<p id="escalations-empty"${list.length ? html` hidden` : ''}>No escalation here.</p>
<ol id="escalations" class="escalations" aria-live="polite" aria-label="Escalations">${items}</ol>`,
  });
}

/** `/console/escalations/:id`: one escalation with its deliveries and actions; 404 page if unknown. */
export async function escalationPage(c: Context, viewer: Viewer, id: string): Promise<Response> {
  const answer = await callApi<EscalationJson & { error?: { message?: string } }>(
    c,
    viewer,
    `/api/escalations/${encodeURIComponent(id)}`,
  );
  if (answer.status === 404 || answer.status === 400) {
    return errorPage(404, 'Escalation not found', `There is no escalation ${id}.`, viewer);
  }
  if (answer.status !== 200) {
    return errorPage(
      answer.status,
      'Escalation unavailable',
      answer.body?.error?.message ?? 'The escalations API failed.',
      viewer,
    );
  }
  const escalation = (answer.body as { escalation?: EscalationJson }).escalation ?? answer.body;
  const item = escalationItem(escalation);
  if (c.req.query('fragment') === 'list') return fragment(item);
  return page({
    title: `Escalation ${id}`,
    area: 'console',
    current: '/console/escalations',
    viewer,
    scripts: ['console.js'],
    body: html`<p><a href="/console/escalations">All open escalations</a></p>
${actorField}
<ol id="escalations" class="escalations" aria-live="polite" aria-label="Escalation">${item}</ol>`,
  });
}
