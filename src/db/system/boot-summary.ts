import type { Queryable } from '../transaction.ts';

/** How many starts `boot_log` holds, and when the last one was (null before any). */
export async function bootSummary(
  db: Queryable,
): Promise<{ boots: number; lastBoot: Date | null }> {
  const { rows } = await db.query<{ n?: number; last?: Date }>(
    'select count(*)::int as n, max(booted_at) as last from boot_log',
  );
  return { boots: rows[0]?.n ?? 0, lastBoot: rows[0]?.last ?? null };
}
