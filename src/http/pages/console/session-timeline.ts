import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import { sessionTimeline, type TimelineEntry } from '../../../db/console/session-timeline.ts';
import type { SessionView } from '../../../sessions/index.ts';
import { formatNumber, formatTime, isoTime } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { fragment, page } from '../layout.ts';
import type { Viewer } from '../viewer.ts';

/** What an event carried, short: the text of a message, else its data as JSON. */
function payloadSummary(entry: TimelineEntry): string {
  const p = entry.payload ?? {};
  if (typeof p.text === 'string') return p.text.length > 600 ? `${p.text.slice(0, 600)}…` : p.text;
  const json = JSON.stringify(p);
  if (json === '{}') return '';
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

function outcomeBadge(entry: TimelineEntry): SafeHtml {
  const status = entry.outcome?.status ?? 'pending';
  const cls = status === 'rejected' ? 'bad' : status === 'applied' ? 'ok' : '';
  const why = entry.outcome?.error?.message ?? entry.outcome?.reason;
  return html`<span class="badge ${cls}">${status}</span>${why ? html` <span class="muted">${why}</span>` : ''}`;
}

/**
 * Who answered an agent call: the rules fallback (the model failed), the rules baseline (rules mode:
 * no model configured, `rules/…`), or the model.
 */
function answeredBy(call: TimelineEntry['agentCalls'][number]): SafeHtml {
  if (call.fallback) return html`<span class="badge warn">rules fallback</span>`;
  if (call.model?.startsWith('rules/')) return html`<span class="badge">rules (baseline)</span>`;
  return html`model`;
}

function agentCalls(entry: TimelineEntry): SafeHtml {
  if (entry.agentCalls.length === 0) return html``;
  return html`<table class="calls"><caption>Agent calls</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Model</th><th scope="col">Latency</th><th scope="col">Tokens in</th><th scope="col">Tokens out</th><th scope="col">Answered by</th></tr></thead>
<tbody>${entry.agentCalls.map(
    (call) => html`<tr><td>${call.action ?? '—'}</td><td>${call.model ?? '—'}</td>
<td>${call.latencyMs === undefined ? '—' : `${call.latencyMs} ms`}</td><td>${formatNumber(call.tokensIn)}</td><td>${formatNumber(call.tokensOut)}</td>
<td>${answeredBy(call)}</td></tr>`,
  )}</tbody></table>`;
}

/** One timeline item: the event, its outcome and transitions, the replies and agent calls of its turn. */
export function timelineItem(entry: TimelineEntry): SafeHtml {
  const summary = payloadSummary(entry);
  return html`<li id="event-${entry.seq}" data-seq="${entry.seq}">
<p class="event-head"><span class="seq">#${entry.seq}</span> <strong>${entry.type}</strong>
<span class="muted">from ${entry.source}</span> <time datetime="${isoTime(entry.receivedAt)}">${formatTime(entry.receivedAt)}</time> ${outcomeBadge(entry)}</p>
${summary ? html`<p class="payload">${summary}</p>` : ''}
${entry.transitions.map((t) => html`<p class="transition"><code>${t.from}</code> —${t.event}→ <code>${t.to}</code></p>`)}
${entry.replies.map(
  (r) =>
    html`<blockquote class="reply"><p>${r.text}</p><footer>${r.action ?? 'reply'} · ${typeof r.author === 'string' ? `by ${r.author}` : (r.source ?? '')}${r.model ? ` · ${r.model}` : ''}</footer></blockquote>`,
)}
${agentCalls(entry)}
</li>`;
}

function summary(session: SessionView, entries: TimelineEntry[]): SafeHtml {
  const tokensIn = entries.reduce((n, e) => n + e.tokensIn, 0);
  const tokensOut = entries.reduce((n, e) => n + e.tokensOut, 0);
  const fallbacks = entries.filter((e) => e.fallback).length;
  return html`<dl id="session-summary" class="summary">
<dt>Learner</dt><dd>${session.learnerId}</dd>
<dt>Mentor</dt><dd>${session.mentorId ?? '—'}</dd>
<dt>Story</dt><dd>${session.story.title}</dd>
<dt>State</dt><dd><code>${session.state}</code></dd>
<dt>Status</dt><dd>${session.status}</dd>
<dt>Current task</dt><dd>${session.currentTask ?? '—'}</dd>
<dt>Started</dt><dd>${formatTime(session.startedAt)}</dd>
<dt>Last activity</dt><dd>${formatTime(session.lastActivityAt)}</dd>
<dt>Tokens (shown events)</dt><dd>${formatNumber(tokensIn)} in / ${formatNumber(tokensOut)} out; ${fallbacks} turn${fallbacks === 1 ? '' : 's'} answered by the rules fallback</dd>
</dl>`;
}

/** `/console/sessions/:id`: the session's summary and its whole timeline, appended to live. */
export async function sessionTimelinePage(
  c: Context,
  app: App,
  viewer: Viewer,
  session: SessionView,
): Promise<Response> {
  const after = Number(c.req.query('after') ?? 0);
  const which = c.req.query('fragment');
  const entries = await sessionTimeline(app.database.pool, session.id, {
    afterSeq: Number.isSafeInteger(after) && after > 0 ? after : 0,
  });
  if (which === 'timeline') return fragment(html`${entries.map(timelineItem)}`);
  if (which === 'summary') return fragment(summary(session, entries));
  const lastSeq = entries.at(-1)?.seq ?? 0;
  return page({
    title: `Session ${session.id}`,
    area: 'console',
    current: '/console',
    viewer,
    scripts: ['console.js'],
    body: html`<p><a href="/console">All sessions</a> · <a href="/console/escalations?sessionId=${session.id}">Escalations of this session</a></p>
<div id="summary-region">${summary(session, entries)}</div>
<h2 id="timeline-title">Timeline</h2>
<ol id="timeline" class="timeline" aria-labelledby="timeline-title" aria-live="polite" data-session="${session.id}" data-last-seq="${lastSeq}">
${entries.map(timelineItem)}
</ol>`,
  });
}
