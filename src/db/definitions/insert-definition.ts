import type { DefinitionRow, Queryable } from './types.ts';

/** Create a definition with its version 1 (call inside a transaction); false when the id exists. */
export async function insertDefinition(
  db: Queryable,
  row: { id: string; name: string; description: string | null; spec: unknown },
): Promise<DefinitionRow | undefined> {
  const { rows } = await db.query<DefinitionRow>(
    `insert into workflow_definitions (id, name, description, latest_version) values ($1, $2, $3, 1)
     on conflict (id) do nothing returning *`,
    [row.id, row.name, row.description],
  );
  if (!rows[0]) return undefined;
  await db.query(
    'insert into workflow_definition_versions (definition_id, version, spec) values ($1, 1, $2)',
    [row.id, JSON.stringify(row.spec)],
  );
  return rows[0];
}
