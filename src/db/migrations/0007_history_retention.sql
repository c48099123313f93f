-- History retention (seed 002: entries per session, and days): a session keeps the inbox events,
-- outcomes, turns, transitions and agent-memory messages of its last `keep_events` processed events, none older than
-- `keep_days` days (0: no age limit). Pending events are never pruned. An event id older than the
-- window is no longer recognised as a repeat: the idempotency window is the retention window.
create function prune_session_history(p_session uuid, p_keep_events int, p_keep_days int)
returns jsonb
language plpgsql as $$
declare
  v_last bigint;
  v_before timestamptz := case when p_keep_days > 0 then now() - make_interval(days => p_keep_days) end;
  v_result jsonb;
begin
  select coalesce(max(seq), 0) into v_last from event_outcomes where session_id = p_session;
  with gone as (
    delete from session_events e
    where e.session_id = p_session
      and e.seq <= v_last
      and (e.seq <= v_last - p_keep_events or (v_before is not null and e.received_at < v_before))
    returning e.seq, e.id
  ),
  outcomes as (
    delete from event_outcomes o using gone
    where o.session_id = p_session and o.seq = gone.seq
    returning 1
  ),
  turns_gone as (
    delete from turns t using gone where t.event_id = gone.id returning 1
  ),
  transitions as (
    delete from state_transitions s using gone
    where s.session_id = p_session and s.event_id = gone.id
    returning 1
  )
  select jsonb_build_object(
    'events', (select count(*) from gone),
    'outcomes', (select count(*) from outcomes),
    'turns', (select count(*) from turns_gone),
    'transitions', (select count(*) from transitions)
  ) into v_result;
  -- The agents' conversation thread of the session (Mastra memory, thread id = session id) keeps
  -- no message older than the oldest event kept. The table is Mastra's: it may not exist yet.
  if to_regclass('mastra_messages') is not null then
    execute $q$
      delete from mastra_messages
      where thread_id = $1::text
        and "createdAtZ" < (select min(received_at) from session_events where session_id = $1)
    $q$ using p_session;
  end if;
  return v_result;
end;
$$;

-- The sessions with history older than a number of days (the daily sweep of idle sessions).
create index session_events_received_idx on session_events (received_at);

-- Pruning deletes steadily: vacuum these tables after a small share of dead rows (default 20 %), so
-- the space of pruned history is reused and a session's footprint stays flat beyond the window.
alter table session_events set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
alter table event_outcomes set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
alter table state_transitions set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
alter table turns set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
