import type { Queryable } from '../transaction.ts';

/** The latest review of the run's attempt `attempt`: its refinement round and score. */
export async function selectLatestReview(
  db: Queryable,
  runId: string,
  attempt: number,
): Promise<{ iteration: number; score: number } | undefined> {
  const { rows } = await db.query<{ iteration: number; score: number }>(
    `select iteration, (content->>'score')::int as score from implementation_artifacts
       where run_id = $1 and kind = 'review' and attempt = $2 order by iteration desc, created_at desc limit 1`,
    [runId, attempt],
  );
  return rows[0];
}
