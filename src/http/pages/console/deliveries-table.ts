import { formatTime } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';

/** A delivery as the API answers it (`deliveries` of an escalation or a notification). */
export interface DeliveryJson {
  id: number;
  channel: string;
  target: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt?: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
}

function state(d: DeliveryJson): SafeHtml {
  if (d.deliveredAt)
    return html`<span class="badge ok">delivered ${formatTime(d.deliveredAt)}</span>`;
  if (d.deadAt)
    return html`<span class="badge bad">dead ${formatTime(d.deadAt)}</span>
<form class="retry-form" data-action="retry-delivery" data-delivery="${String(d.id)}"><button type="submit" class="secondary" aria-label="Retry delivery ${String(d.id)} to ${d.target}">Retry</button></form>`;
  return html`<span class="badge warn">retrying</span>`;
}

function row(d: DeliveryJson): SafeHtml {
  return html`<tr data-delivery="${String(d.id)}"><td>${d.channel}</td><td class="wrap">${d.target}</td><td>${d.attempts}</td>
<td>${state(d)}</td><td class="wrap">${d.lastError ?? '—'}</td></tr>`;
}

/**
 * The deliveries of one escalation or notification: channel, target, attempts, state and last error;
 * a dead-lettered one has a Retry button (`POST /api/deliveries/:id/retry`).
 */
export function deliveriesTable(caption: string, deliveries: readonly DeliveryJson[]): SafeHtml {
  return html`<table class="deliveries"><caption>${caption}</caption>
<thead><tr><th scope="col">Channel</th><th scope="col">Target</th><th scope="col">Attempts</th><th scope="col">State</th><th scope="col">Last error</th></tr></thead>
<tbody>${deliveries.map(row)}</tbody></table>`;
}
