import type { DefinitionRow, Queryable } from './types.ts';

/** Add the next version of a definition (call inside a transaction); undefined when there is none. */
export async function insertVersion(
  db: Queryable,
  row: { id: string; name: string; description: string | null; spec: unknown },
): Promise<DefinitionRow | undefined> {
  const { rows } = await db.query<DefinitionRow>(
    `update workflow_definitions
        set latest_version = latest_version + 1, name = $2, description = $3, updated_at = now()
      where id = $1 returning *`,
    [row.id, row.name, row.description],
  );
  const head = rows[0];
  if (!head) return undefined;
  await db.query(
    'insert into workflow_definition_versions (definition_id, version, spec) values ($1, $2, $3)',
    [row.id, head.latest_version, JSON.stringify(row.spec)],
  );
  return head;
}
