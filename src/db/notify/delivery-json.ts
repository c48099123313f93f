/** The JSON of one delivery row, built in SQL (shared by escalations and notifications). */
export const deliveryJson = (d: string) => `json_build_object(
  'id', ${d}.id, 'channel', ${d}.channel, 'target', ${d}.target, 'level', ${d}.level,
  'attempts', ${d}.attempts, 'lastError', ${d}.last_error, 'lastAttemptAt', ${d}.last_attempt_at,
  'nextAttemptAt', case when ${d}.delivered_at is null and ${d}.dead_at is null then ${d}.next_attempt_at end,
  'deliveredAt', ${d}.delivered_at, 'deadAt', ${d}.dead_at)`;
