import type { Queryable } from './types.ts';

/** A definition's id with the spec of its latest version (parsed by the caller). */
export interface LatestSpecRow {
  id: string;
  spec: unknown;
}

/** The latest spec of every definition, whatever its status (sub-workflow cycle checks). */
export async function listLatestSpecs(db: Queryable): Promise<LatestSpecRow[]> {
  const { rows } = await db.query<LatestSpecRow>(
    `select d.id, v.spec from workflow_definitions d
       join workflow_definition_versions v on v.definition_id = d.id and v.version = d.latest_version`,
  );
  return rows;
}

/** The latest spec of every active definition, with when it was created (for event triggers). */
export async function listActiveLatestSpecs(
  db: Queryable,
): Promise<(LatestSpecRow & { created_at: Date })[]> {
  const { rows } = await db.query<LatestSpecRow & { created_at: Date }>(
    `select d.id, v.spec, d.created_at from workflow_definitions d
       join workflow_definition_versions v on v.definition_id = d.id and v.version = d.latest_version
      where d.status = 'active'`,
  );
  return rows;
}
