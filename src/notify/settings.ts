import type { Config } from '../config/index.ts';
import type { Queryable } from '../db/transaction.ts';

/** The delivery settings the database triggers read (migration 0005) from `notify_settings`. */
export interface NotifySettings {
  readonly webhookUrls: readonly string[];
  readonly oncallEmails: readonly string[];
  /** Already multiplied by TIME_SCALE. */
  readonly ackTimeoutMs: number;
}

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

/**
 * Mirrors the configuration into the row the triggers read, so that a notification committed by a
 * turn fans out to the configured targets in the same transaction. Written when a process starts its
 * worker (the processes that deliver decide where to); they share one configuration.
 */
export async function writeNotifySettings(db: Queryable, settings: NotifySettings): Promise<void> {
  await db.query(
    `insert into notify_settings (id, webhook_urls, oncall_emails, ack_timeout_ms, updated_at)
     values (true, $1, $2, $3, now())
     on conflict (id) do update set webhook_urls = excluded.webhook_urls,
       oncall_emails = excluded.oncall_emails, ack_timeout_ms = excluded.ack_timeout_ms, updated_at = now()`,
    [settings.webhookUrls, settings.oncallEmails, settings.ackTimeoutMs],
  );
}
