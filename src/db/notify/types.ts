/** Row and view types of the notification tables (deliveries, escalations, mentors, settings). */

export type Channel = 'webhook' | 'slack' | 'email';

/** One delivery with what its message needs (the notification, its session or run, the escalation). */
export interface DeliveryRow {
  id: string;
  source: 'session' | 'run';
  notification_id: string;
  escalation_id: string | null;
  level: number;
  channel: Channel;
  target: string;
  attempts: number;
  delivered_at: Date | null;
  dead_at: Date | null;
  kind: string;
  recipient: string | null;
  payload: Record<string, unknown>;
  notified_at: Date;
  session_id: string | null;
  learner_id: string | null;
  story_title: string | null;
  run_id: string | null;
  escalation_status: string | null;
  escalation_reason: string | null;
}

/** A delivery as the API shows it. */
export interface DeliveryView {
  readonly id: number;
  readonly channel: 'webhook' | 'slack' | 'email';
  readonly target: string;
  readonly level: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: string | null;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly deadAt: string | null;
}

/** Open until a human acknowledges it; resolved once handled. */
export type EscalationStatus = 'open' | 'acknowledged' | 'resolved';

/** An escalation as the API shows it (`GET /api/escalations`). */
export interface EscalationView {
  readonly id: number;
  readonly sessionId: string;
  readonly learnerId: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly level: number;
  readonly status: EscalationStatus;
  readonly createdAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly assignedTo: string | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly resolutionNote: string | null;
  readonly deliveries: readonly DeliveryView[];
}

/** Which escalations to list (every one by default, at most `limit`, 100 by default). */
export interface EscalationFilter {
  readonly status?: EscalationStatus;
  readonly sessionId?: string;
  readonly learnerId?: string;
  readonly limit?: number;
}

/** A mentor as the API shows it: contact channels, availability, the learners assigned. */
export interface MentorView {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly webhookUrl: string | null;
  readonly available: boolean;
  readonly awayUntil: string | null;
  readonly learners: readonly string[];
}

/** A mentor's fields to set; a field left out keeps its value. */
export interface MentorWrite {
  readonly name?: string | null;
  readonly email?: string | null;
  readonly webhookUrl?: string | null;
  readonly available?: boolean;
  readonly awayUntil?: string | null;
}

/** A notification (of a session or an implementation run) with its deliveries. */
export interface NotificationView {
  readonly source: 'session' | 'run';
  readonly id: number;
  readonly kind: string;
  readonly recipient: string | null;
  readonly sessionId: string | null;
  readonly runId: string | null;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly deliveries: readonly DeliveryView[];
}

/** Which notifications to list (every one by default, at most `limit`, 100 by default). */
export interface NotificationFilter {
  readonly source?: 'session' | 'run';
  readonly kind?: string;
  readonly sessionId?: string;
  readonly runId?: string;
  readonly limit?: number;
}

/** The delivery settings the database triggers read (migration 0005) from `notify_settings`. */
export interface NotifySettings {
  readonly webhookUrls: readonly string[];
  readonly oncallEmails: readonly string[];
  /** Already multiplied by TIME_SCALE. */
  readonly ackTimeoutMs: number;
}
