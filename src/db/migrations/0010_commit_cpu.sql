-- CPU of a turn's commit (issue 11). Measured on the bench's monitoring loop with
-- track_functions = 'all': commit_session_turn took 0.31 ms of PostgreSQL CPU per event, of which
-- 0.027 ms in event_default_outcome (once a turn) and 0.13 ms in each compact_turn call (one turn
-- in four). Both are SQL functions the planner does not inline, so each call went through the SQL
-- function executor, which parses and plans the body again every time (PostgreSQL < 18 keeps no
-- plan across calls). The results are the same; only how they are computed changes.

-- jsonb_build_object is stable (its "any" arguments), so this immutable function could not be
-- inlined into the queries that call it. jsonb_object over text pairs is immutable and builds the
-- same object (both values are strings): it is now inlined into commit_session_turn's update and
-- into the readers of event_outcome().
create or replace function event_default_outcome(p_type text, p_transitions json) returns jsonb
language sql immutable parallel safe as $$
  select case
    when p_transitions is not null then '{"status": "applied"}'::jsonb
    else jsonb_object(array['status', 'recorded', 'reason', p_type || ' recorded'])
  end
$$;

-- A sub-select keeps this one from being inlined: in PL/pgSQL its query's plan is kept for the
-- connection instead of being made again on every call (commit_session_turn ran 0.30 ms → 0.23 ms
-- a turn in a micro-benchmark, a turn in four compacted).
create or replace function compact_turn(p_turn jsonb) returns jsonb
language plpgsql immutable parallel safe as $$
begin
  return jsonb_strip_nulls(jsonb_build_object(
    'actions', nullif(p_turn->'actions', '[]'::jsonb),
    'replies', nullif(p_turn->'replies', '[]'::jsonb),
    'agentCalls', (select jsonb_agg(jsonb_strip_nulls(c.v || jsonb_build_object(
                             'tokensIn', nullif((c.v->>'tokensIn')::integer, 0),
                             'tokensOut', nullif((c.v->>'tokensOut')::integer, 0),
                             'fallback', case when (c.v->>'fallback')::boolean then true end))
                           order by c.n)
                     from jsonb_array_elements(p_turn->'agentCalls') with ordinality as c(v, n)),
    'latencyMs', nullif((p_turn->>'latencyMs')::integer, 0)));
end;
$$;
