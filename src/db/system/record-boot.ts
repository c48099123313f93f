import type { Queryable } from '../transaction.ts';

/** One process start, as `mentorflow db status` counts them. */
export interface Boot {
  readonly appVersion: string;
  readonly nodeVersion: string;
  readonly databaseKind: string;
  readonly pid: number;
}

/** Records a process start in `boot_log`. */
export async function recordBoot(db: Queryable, boot: Boot): Promise<void> {
  await db.query(
    'insert into boot_log (app_version, node_version, database_kind, pid) values ($1, $2, $3, $4)',
    [boot.appVersion, boot.nodeVersion, boot.databaseKind, boot.pid],
  );
}
