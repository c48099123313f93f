import type { TimelineEntry, TimelineReply } from '../../../db/console/session-timeline.ts';
import { learnerEventTypes } from '../../access-policy.ts';
import { formatTime, isoTime } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * Events the learner's own page sends (those a learner's key may send); everything else (timers, a
 * mentor's reply…) arrives live.
 */
export const ownEventTypes: ReadonlySet<string> = learnerEventTypes;

/** Who wrote a reply: a human mentor (the reply names them) or mentorflow's own mentor. */
export function replyAuthor(reply: TimelineReply, eventType: string): string {
  const by = [reply.author, reply.by, reply.mentorId].find((v) => typeof v === 'string');
  if (by) return `Mentor ${by}`;
  if (eventType === 'mentor-message' || reply.source === 'mentor' || reply.source === 'human')
    return 'Your mentor';
  return 'mentorflow';
}

function learnerLine(entry: TimelineEntry): SafeHtml | undefined {
  const p = entry.payload ?? {};
  const time = html`<time datetime="${isoTime(entry.receivedAt)}">${formatTime(entry.receivedAt)}</time>`;
  if (entry.type === 'learner-message' && typeof p.text === 'string')
    return html`<li class="msg you"><p class="who">You ${time}</p><p class="text">${p.text}</p></li>`;
  if (entry.type === 'help-request')
    return html`<li class="msg you"><p class="who">You ${time}</p><p class="text">I’m stuck${typeof p.text === 'string' ? `: ${p.text}` : ''}</p></li>`;
  if (ownEventTypes.has(entry.type) && entry.source === 'client')
    return html`<li class="msg activity"><p class="text">You reported <strong>${entry.type}</strong> ${time}</p></li>`;
  return undefined;
}

/** The conversation so far: the learner's messages and reports, and every reply, in order. */
export function conversationItems(entries: TimelineEntry[]): SafeHtml {
  return html`${entries.map(
    (entry) =>
      html`${learnerLine(entry) ?? ''}${entry.replies.map(
        (reply) =>
          html`<li class="msg mentor${replyAuthor(reply, entry.type) === 'mentorflow' ? '' : ' human'}"><p class="who">${replyAuthor(reply, entry.type)}</p><p class="text">${reply.text}</p></li>`,
      )}`,
  )}`;
}
