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
export { settingsOf, type NotifySettings } from './settings.ts';
export { writeNotifySettings } from '../db/notify/write-notify-settings.ts';
export type {
  DeliveryView,
  EscalationStatus,
  EscalationView,
  MentorView,
  MentorWrite,
  NotificationView,
} from '../db/notify/types.ts';
