import type { Queryable } from './transaction.ts';

/**
 * The PostgreSQL server's version as it reports it (e.g. `16.4 (Debian 16.4-1.pgdg120+2)`).
 * `show server_version` names its column `server_version`, so reading `.v` off it gave
 * `undefined`; `current_setting` under an alias cannot drift from the name read here.
 */
export async function serverVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>(
    "select current_setting('server_version') as version",
  );
  return rows[0]!.version;
}
