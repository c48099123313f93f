import type { Queryable } from '../transaction.ts';

/** The Mastra storage version `app_meta` records (null before Mastra's storage was initialised). */
export async function selectMastraStorage(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ value?: string }>(
    "select value from app_meta where key = 'mastra_storage'",
  );
  return rows[0]?.value ?? null;
}
