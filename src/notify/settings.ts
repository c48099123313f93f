import type { Config } from '../config/index.ts';
import type { NotifySettings } from '../db/notify/types.ts';

export type { NotifySettings };

/** The settings of `config`: the acknowledgement timeout is a duration, so TIME_SCALE scales it. */
export function settingsOf(
  config: Pick<
    Config,
    'NOTIFY_WEBHOOK_URLS' | 'ONCALL_EMAILS' | 'ESCALATION_ACK_TIMEOUT' | 'TIME_SCALE'
  >,
): NotifySettings {
  return {
    webhookUrls: config.NOTIFY_WEBHOOK_URLS,
    oncallEmails: config.ONCALL_EMAILS,
    ackTimeoutMs: Math.max(1, Math.round(config.ESCALATION_ACK_TIMEOUT * config.TIME_SCALE)),
  };
}
