import type { Queryable } from './types.ts';

/** A definition's latest version number; the definition must exist (throws otherwise). */
export async function selectLatestVersion(db: Queryable, definitionId: string): Promise<number> {
  const { rows } = await db.query<{ latest_version: number }>(
    'select latest_version from workflow_definitions where id = $1',
    [definitionId],
  );
  return rows[0]!.latest_version;
}
