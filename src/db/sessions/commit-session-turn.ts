import type { Queryable } from '../transaction.ts';
import type { CommitResult } from './types.ts';

/** What `commit_session_turn` answers. */
export interface CommitRow {
  status: string;
  version?: number | string;
}

/** `commit_session_turn`'s answer as the session layer reads it. */
export function commitResultOf(r: CommitRow): CommitResult {
  if (r.status === 'missing') return { status: 'missing' };
  return { status: r.status === 'ok' ? 'ok' : 'conflict', version: Number(r.version) };
}

/**
 * The one write of a turn: `commit_session_turn(jsonb)` (migration 0002) applies the new session
 * row, the transition log, the records the actions wrote, the timer jobs and the inbox outcome in
 * one transaction and one round trip, under the session's row lock and a compare-and-set on its
 * version. `commit` is the session layer's `TurnCommit`, sent as the function's jsonb argument.
 */
export async function commitSessionTurn(db: Queryable, commit: object): Promise<CommitResult> {
  const { rows } = await db.query<{ r: CommitRow }>({
    // Named, so each connection parses it once: a round trip with a Parse message less, which the
    // client and the server both pay on every turn.
    name: 'commit-session-turn',
    text: 'select commit_session_turn($1::jsonb) as r',
    values: [JSON.stringify(commit)],
  });
  return commitResultOf(rows[0]!.r);
}
