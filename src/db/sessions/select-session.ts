import type { Queryable } from '../transaction.ts';
import { sessionColumns } from './columns.ts';
import type { SessionRow } from './types.ts';

/** One session's row; undefined when there is none. */
export async function selectSessionRow(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>(
    `select ${sessionColumns} from sessions where id = $1`,
    [id],
  );
  return rows[0];
}

/** A learner's session rows, newest first. */
export async function selectLearnerSessionRows(
  db: Queryable,
  learnerId: string,
): Promise<SessionRow[]> {
  const { rows } = await db.query<SessionRow>(
    `select ${sessionColumns} from sessions where learner_id = $1 order by created_at desc, id`,
    [learnerId],
  );
  return rows;
}
