import type { Queryable, VersionRow } from './types.ts';

/**
 * The versions a process must have compiled: every definition's latest, and any older one a run that
 * has not ended is pinned to.
 */
export async function listRegistrableVersions(db: Queryable): Promise<VersionRow[]> {
  const { rows } = await db.query<VersionRow>(
    `select v.* from workflow_definition_versions v
       join workflow_definitions d on d.id = v.definition_id
      where v.version = d.latest_version
         or exists (select 1 from workflow_runs r where r.definition_id = v.definition_id
                      and r.version = v.version and r.status not in ('completed', 'failed', 'cancelled'))
      order by v.definition_id, v.version`,
  );
  return rows;
}
