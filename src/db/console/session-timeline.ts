import type { Queryable } from '../transaction.ts';

export interface TimelineTransition {
  from: string;
  event: string;
  to: string;
}

export interface AgentCall {
  action?: string;
  model?: string;
  tokensIn?: number;
  tokensOut?: number;
  latencyMs?: number;
  fallback?: boolean;
}

export interface TimelineReply {
  action?: string;
  text: string;
  source?: string;
  model?: string;
  [key: string]: unknown;
}

/** One inbox event with everything its turn did: outcome, transitions, replies, agent calls. */
export interface TimelineEntry {
  seq: number;
  eventId: string;
  type: string;
  source: string;
  payload: Record<string, unknown>;
  receivedAt: string;
  outcome: { status?: string; reason?: string; error?: { message?: string } } | null;
  stateAfter: string | null;
  transitions: TimelineTransition[];
  turnId: number | null;
  replies: TimelineReply[];
  agentCalls: AgentCall[];
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  model: string | null;
  fallback: boolean;
}

/**
 * A session's timeline in arrival order (the latest `limit` events, or those after `afterSeq`):
 * each event joined with its outcome, the transitions it caused and its turn (replies, agent calls
 * with model, latency, tokens and whether the rules fallback answered).
 */
export async function sessionTimeline(
  db: Queryable,
  sessionId: string,
  options: { afterSeq?: number; limit?: number } = {},
): Promise<TimelineEntry[]> {
  const { rows } = await db.query<TimelineEntry>(
    `select * from (
       select e.seq::int as seq, e.id as "eventId", e.type, e.source, e.payload,
              e.received_at as "receivedAt", event_outcome(e.processed_at, e.type, e.outcome, e.transitions) as outcome,
              event_state(e.processed_at, e.state, e.transitions) as "stateAfter",
              coalesce((select json_agg(json_build_object('from', x->>'from', 'event', x->>'event',
                                                          'to', x->>'to'))
                          from json_array_elements(e.transitions) x), '[]') as transitions,
              t.id::int as "turnId", coalesce(t.replies, '[]') as replies,
              coalesce(t.agent_calls, '[]') as "agentCalls",
              coalesce(t.tokens_in, 0) as "tokensIn", coalesce(t.tokens_out, 0) as "tokensOut",
              coalesce(t.latency_ms, 0) as "latencyMs", t.model, coalesce(t.fallback, false) as fallback
         from session_events e
         left join turns t on t.session_id = e.session_id and t.id = e.seq
        where e.session_id = $1 and e.seq > $2
        order by e.seq desc
        limit $3) latest
      order by seq`,
    [sessionId, options.afterSeq ?? 0, options.limit ?? 500],
  );
  return rows;
}
