import type { Queryable } from '../transaction.ts';

export interface TokenUsage {
  model: string;
  calls: number;
  tokensIn: number;
  tokensOut: number;
  fallbackCalls: number;
  avgLatencyMs: number | null;
}

/**
 * Model token usage per model, from every agent call: those recorded with a mentoring turn
 * (`turns.agent_calls`) and those of implementation runs (their `agent.called` events).
 */
export async function tokenUsage(db: Queryable): Promise<TokenUsage[]> {
  const { rows } = await db.query<TokenUsage>(
    `select coalesce(c->>'model', 'unknown') as model, count(*)::int as calls,
            coalesce(sum((c->>'tokensIn')::int), 0)::int as "tokensIn",
            coalesce(sum((c->>'tokensOut')::int), 0)::int as "tokensOut",
            count(*) filter (where (c->>'fallback')::boolean)::int as "fallbackCalls",
            round(avg((c->>'latencyMs')::numeric))::int as "avgLatencyMs"
       from (select c from turns t cross join lateral jsonb_array_elements(t.agent_calls) c
             union all
             select data from implementation_run_events where type = 'agent.called') calls(c)
      group by 1 order by 2 desc`,
  );
  return rows;
}
