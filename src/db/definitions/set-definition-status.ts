import type { DefinitionRow, Queryable } from './types.ts';

/** Deprecate (or re-activate) a definition: deprecated ones start no new runs. */
export async function setDefinitionStatus(
  db: Queryable,
  id: string,
  status: 'active' | 'deprecated',
): Promise<DefinitionRow | undefined> {
  const { rows } = await db.query<DefinitionRow>(
    'update workflow_definitions set status = $2, updated_at = now() where id = $1 returning *',
    [id, status],
  );
  return rows[0];
}
