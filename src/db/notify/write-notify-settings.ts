import type { Queryable } from '../transaction.ts';
import type { NotifySettings } from './types.ts';

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
