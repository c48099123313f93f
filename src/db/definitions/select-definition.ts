import type { DefinitionRow, Queryable } from './types.ts';

/** One definition's head row. */
export async function selectDefinition(
  db: Queryable,
  id: string,
): Promise<DefinitionRow | undefined> {
  const { rows } = await db.query<DefinitionRow>(
    'select * from workflow_definitions where id = $1',
    [id],
  );
  return rows[0];
}
