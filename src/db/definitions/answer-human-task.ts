import type { HumanTaskRow, Queryable } from './types.ts';

/** Store the answer of an open task; undefined when it is not open (answered before, or unknown). */
export async function answerHumanTask(
  db: Queryable,
  id: string,
  answer: unknown,
): Promise<HumanTaskRow | undefined> {
  const { rows } = await db.query<HumanTaskRow>(
    `update workflow_human_tasks set status = 'answered', answer = $2, answered_at = now()
      where id = $1 and status = 'open' returning *`,
    [id, JSON.stringify(answer)],
  );
  return rows[0];
}
