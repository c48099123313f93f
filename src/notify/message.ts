import type { DeliveryRow } from '../db/notify/types.ts';

/** What one delivery says, in each channel's shape. */
export interface NotificationMessage {
  /** One line for people: the subject of the e-mail, the Slack text. */
  readonly title: string;
  /** Plain-text body of the e-mail. */
  readonly text: string;
  /** The generic webhook payload. */
  readonly json: Record<string, unknown>;
  /** The Slack incoming-webhook payload. */
  readonly slack: Record<string, unknown>;
}

const levelNames = ['', 'mentor', 'on-call', 'everyone (final)'];

function titleOf(d: DeliveryRow): string {
  if (d.source === 'run') {
    const message = typeof d.payload.message === 'string' ? d.payload.message : d.kind;
    return `[mentorflow] ${d.kind}: ${message}`;
  }
  const who = `learner ${d.learner_id ?? '?'}`;
  const story = d.story_title ? ` on "${d.story_title}"` : '';
  if (d.escalation_id)
    return `[mentorflow] Escalation (level ${d.level}, ${levelNames[d.level] ?? d.level}): ${who}${story} needs a human: ${d.escalation_reason ?? d.kind}`;
  return `[mentorflow] ${d.kind}: ${who}${story}`;
}

/** Builds the message of a delivery from its notification (the same for every attempt). */
export function messageOf(d: DeliveryRow): NotificationMessage {
  const title = titleOf(d);
  const escalation = d.escalation_id
    ? {
        id: Number(d.escalation_id),
        level: d.level,
        status: d.escalation_status,
        reason: d.escalation_reason,
      }
    : null;
  const json: Record<string, unknown> = {
    type: escalation ? 'escalation' : 'notification',
    deliveryId: Number(d.id),
    kind: d.kind,
    text: title,
    notification: {
      source: d.source,
      id: Number(d.notification_id),
      recipient: d.recipient,
      createdAt: d.notified_at.toISOString(),
      payload: d.payload,
    },
    ...(escalation ? { escalation } : {}),
    ...(d.session_id
      ? { session: { id: d.session_id, learnerId: d.learner_id, story: d.story_title } }
      : {}),
    ...(d.run_id ? { run: { id: d.run_id } } : {}),
  };
  const details = Object.entries({
    session: d.session_id,
    learner: d.learner_id,
    run: d.run_id,
    escalation: escalation?.id,
    state: d.payload.state,
    task: d.payload.task,
  })
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const text = [
    title,
    '',
    ...details,
    '',
    escalation
      ? 'Acknowledge, reply or resolve it in the operator console (/console) or POST /api/escalations/:id/acknowledge.'
      : '',
  ]
    .join('\n')
    .trim();
  const slack = {
    text: title,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } },
      ...(details.length
        ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: details.join(' · ') }] }]
        : []),
    ],
  };
  return { title, text, json, slack };
}
