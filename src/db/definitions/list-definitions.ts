import type { DefinitionRow, Queryable } from './types.ts';

/** Every definition, newest first. */
export async function listDefinitions(db: Queryable): Promise<DefinitionRow[]> {
  const { rows } = await db.query<DefinitionRow>(
    'select * from workflow_definitions order by created_at desc, id',
  );
  return rows;
}
