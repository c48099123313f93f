/** Notification delivery (webhook, Slack, e-mail), escalations and mentors (issue 12). */
export { retryDelayMs } from './backoff.ts';
export { SIGNATURE_HEADER, signBody } from './channels/webhook.ts';
export {
  createNotifyService,
  MENTOR_MESSAGE,
  type NotifyService,
  type NotifyServiceOptions,
  type ReplyResult,
} from './service.ts';
export { settingsOf, writeNotifySettings, type NotifySettings } from './settings.ts';
export type { EscalationStatus, EscalationView } from './store/escalation-rows.ts';
export type { MentorView, MentorWrite } from './store/mentor-rows.ts';
export type { NotificationView } from './store/notification-rows.ts';
