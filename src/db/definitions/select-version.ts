import type { Queryable, VersionRow } from './types.ts';

/** One version of a definition. */
export async function selectVersion(
  db: Queryable,
  id: string,
  version: number,
): Promise<VersionRow | undefined> {
  const { rows } = await db.query<VersionRow>(
    'select * from workflow_definition_versions where definition_id = $1 and version = $2',
    [id, version],
  );
  return rows[0];
}
