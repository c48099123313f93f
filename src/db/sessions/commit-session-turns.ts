import type { Queryable } from '../transaction.ts';
import { type CommitRow, commitResultOf } from './commit-session-turn.ts';
import type { CommitResult } from './types.ts';

/**
 * Commits several sessions' turns in one statement and one transaction: `commit_session_turn` for
 * each, in the order given (the caller sorts them by session, so that two groups take the sessions'
 * row locks in one order). Results in that order. A turn's commit is atomic as alone: should one
 * raise, the whole group rolls back.
 */
export async function commitSessionTurns(
  db: Queryable,
  commits: readonly object[],
): Promise<CommitResult[]> {
  const { rows } = await db.query<{ r: CommitRow }>({
    name: 'commit-session-turns',
    text: `select commit_session_turn(c) as r
      from jsonb_array_elements($1::jsonb) with ordinality as x(c, n) order by n`,
    values: [JSON.stringify(commits)],
  });
  return rows.map((row) => commitResultOf(row.r));
}
