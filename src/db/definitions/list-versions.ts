import type { Queryable } from './types.ts';

/** A definition's versions, oldest first (numbers and dates only). */
export async function listVersions(
  db: Queryable,
  id: string,
): Promise<{ version: number; created_at: Date }[]> {
  const { rows } = await db.query<{ version: number; created_at: Date }>(
    'select version, created_at from workflow_definition_versions where definition_id = $1 order by version',
    [id],
  );
  return rows;
}
