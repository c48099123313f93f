-- One row per event (issue 11, bounded storage): what a turn did is stored on its inbox row instead
-- of in three tables of its own. `event_outcomes`, `state_transitions` and `turns` each repeated the
-- row header, the session id and the event's key, and a turn wrote up to three rows where it now
-- updates one (with the thread limit of prune_session_history below, bench/retention.ts measured
-- 923 B of live rows per event before, 526 B after).
--
-- The inbox row is written twice: inserted when the event arrives (durably, before anything is
-- acknowledged) and completed by its turn's commit. The commit changes no indexed column, so with
-- the page room left below the update stays on its page (HOT): no index entry is written for it.
-- "Processed" still means `seq <= sessions.processed_seq`.
--
-- The old tables live on as views with their columns, so the seed's schema names still answer.

alter table session_events
  -- The outcome (`{ status, ... }`) and the session after the event (unchanged when rejected).
  add column processed_at timestamptz,
  add column outcome jsonb,
  add column version bigint,
  add column state text,
  add column session_status text,
  -- Seed 000's transition log of this event: `[{ from, event, to, data? }]` (null: none).
  add column transitions jsonb,
  -- What the turn did beyond the transition: `{ actions?, replies?, agentCalls?, latencyMs? }`,
  -- empty members left out (null: no turn; see compact_turn below).
  add column turn jsonb;

-- Room for each row's second version on its own page (a row roughly doubles when its turn lands).
-- Measured with 4 sessions × 500 events: fillfactor 85 kept every update HOT in 1.4 MB; 100 let 6 %
-- of them move (new index entries) in 1.1 MB; 50 and 70 were HOT too but took 2.5 and 1.9 MB.
alter table session_events set (fillfactor = 85);

update session_events e set
  processed_at = o.processed_at, outcome = o.outcome, version = o.version, state = o.state,
  session_status = o.session_status
from event_outcomes o
where o.session_id = e.session_id and o.seq = e.seq;

update session_events e set transitions = x.list
from (
  select session_id, event_id,
         jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'from', from_state, 'event', event, 'to', to_state, 'data', event_data)) order by id) as list
  from state_transitions group by session_id, event_id
) x
where x.session_id = e.session_id and x.event_id = e.id;

-- A turn as stored: its actions, replies, agent calls and latency. The turn's tokens, model and
-- fallback flag are sums and the last of its calls (as the turn computes them), so they are read
-- back from the calls (the `turns` view); a call leaves out zero tokens and `fallback: false`.
create function compact_turn(p_turn jsonb) returns jsonb
language sql immutable parallel safe as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'actions', nullif(p_turn->'actions', '[]'::jsonb),
    'replies', nullif(p_turn->'replies', '[]'::jsonb),
    'agentCalls', (select jsonb_agg(jsonb_strip_nulls(c.v || jsonb_build_object(
                             'tokensIn', nullif((c.v->>'tokensIn')::integer, 0),
                             'tokensOut', nullif((c.v->>'tokensOut')::integer, 0),
                             'fallback', case when (c.v->>'fallback')::boolean then true end))
                           order by c.n)
                     from jsonb_array_elements(p_turn->'agentCalls') with ordinality as c(v, n)),
    'latencyMs', nullif((p_turn->>'latencyMs')::integer, 0)))
$$;

-- A turn's agent calls as they were given, zero tokens and `fallback: false` put back.
create function turn_agent_calls(p_turn jsonb) returns jsonb
language sql immutable parallel safe as $$
  select coalesce((select jsonb_agg('{"tokensIn": 0, "tokensOut": 0, "fallback": false}'::jsonb || c.v
                                    order by c.n)
                     from jsonb_array_elements(p_turn->'agentCalls') with ordinality as c(v, n)),
                  '[]'::jsonb)
$$;

update session_events e set turn = compact_turn(jsonb_build_object(
  'actions', to_jsonb(t.actions), 'replies', t.replies, 'agentCalls', t.agent_calls,
  'latencyMs', t.latency_ms))
from turns t
where t.session_id = e.session_id and t.event_id = e.id;

drop table event_outcomes, state_transitions, turns;

-- An applied event's outcome says which machine events moved the session from where to where: that
-- is its transition log, so the row keeps it once and the outcome is read back whole from both.
create function event_outcome(p_outcome jsonb, p_transitions jsonb) returns jsonb
language sql immutable parallel safe as $$
  select case
    when p_outcome->>'status' = 'applied' and not p_outcome ? 'to' and p_transitions is not null
    then p_outcome || jsonb_build_object(
      'machineEvents', (select jsonb_agg(x.t->'event' order by x.n)
                          from jsonb_array_elements(p_transitions) with ordinality as x(t, n)),
      'from', p_transitions->0->'from',
      'to', p_transitions->-1->'to')
    else p_outcome
  end
$$;

-- Outcomes stored before this migration keep their own copy (read as they are).

create view event_outcomes as
  select session_id, seq, event_outcome(outcome, transitions) as outcome, version, state,
         session_status, processed_at
  from session_events where processed_at is not null;

-- `id` orders a session's transitions (arrival order, then order within the event).
create view state_transitions as
  select e.seq * 64 + x.n as id, e.session_id, e.id as event_id, e.version,
         x.t->>'from' as from_state, x.t->>'event' as event, x.t->>'to' as to_state,
         x.t->'data' as event_data, e.processed_at as created_at
  from session_events e
  cross join lateral jsonb_array_elements(e.transitions) with ordinality as x(t, n)
  where e.transitions is not null;

-- `id` is the event's seq: it orders a session's turns (the chat's live feed reads after one).
create view turns as
  select e.seq as id, e.session_id, e.id as event_id, e.version,
         array(select jsonb_array_elements_text(coalesce(e.turn->'actions', '[]'))) as actions,
         coalesce(e.turn->'replies', '[]') as replies,
         turn_agent_calls(e.turn) as agent_calls,
         coalesce((select sum((c->>'tokensIn')::integer)
                     from jsonb_array_elements(e.turn->'agentCalls') c), 0)::integer as tokens_in,
         coalesce((select sum((c->>'tokensOut')::integer)
                     from jsonb_array_elements(e.turn->'agentCalls') c), 0)::integer as tokens_out,
         coalesce((e.turn->>'latencyMs')::integer, 0) as latency_ms,
         e.turn->'agentCalls'->-1->>'model' as model,
         coalesce(e.turn->'agentCalls' @> '[{"fallback": true}]', false) as fallback,
         e.processed_at as created_at
  from session_events e
  where e.turn is not null;

/*
 * Commits one turn in one round trip and one transaction (see 0002 for `p`). The outcome, the
 * transitions and the turn complete the event's inbox row; the other records are as before.
 */
create or replace function commit_session_turn(p jsonb) returns jsonb
language plpgsql as $$
declare
  v_session uuid := (p->>'sessionId')::uuid;
  v_seq bigint := (p->>'seq')::bigint;
  v_event uuid := (p->>'eventId')::uuid;
  v_current bigint;
  v_state text;
  v_status text;
  v_processed bigint;
  v_next bigint;
  v_version bigint;
  v_transitions jsonb;
  v_turn jsonb;
  s jsonb := p->'session';
  t jsonb;
begin
  -- The inbox row is already durable (its insert committed synchronously), and a turn is
  -- recomputed from it if this commit is lost: a database crash can only lose the newest turns,
  -- which recovery applies again. So a turn does not wait for its WAL flush.
  perform set_config('synchronous_commit', 'off', true);
  select version, state, status, processed_seq into v_current, v_state, v_status, v_processed
  from sessions where id = v_session for update;
  if not found then
    return jsonb_build_object('status', 'missing');
  end if;
  -- Compare-and-set on the version, and the event must be the next stored one in arrival order
  -- (seq may have gaps: a repeated idempotency key takes a number and stores nothing).
  select min(seq) into v_next from session_events where session_id = v_session and seq > v_processed;
  if v_current <> (p->>'version')::bigint or v_next is distinct from v_seq then
    return jsonb_build_object('status', 'conflict', 'version', v_current);
  end if;

  v_version := v_current;
  if s is not null and jsonb_typeof(s) = 'object' then
    v_version := v_current + 1;
    v_state := s->>'state';
    v_status := s->>'status';
    update sessions set
      processed_seq = v_seq,
      state = s->>'state',
      state_path = array(select jsonb_array_elements_text(s->'path')),
      entered_at = (s->>'enteredAt')::timestamptz,
      version = v_version,
      status = s->>'status',
      context = s->'context',
      story = coalesce(s->'story', story),
      next_check_in = (s->>'nextCheckIn')::timestamptz,
      last_activity_at = (s->>'lastActivityAt')::timestamptz,
      paused_at = (s->>'pausedAt')::timestamptz,
      completed_at = (s->>'completedAt')::timestamptz,
      updated_at = now()
    where id = v_session;

    if p ? 'transitions' then
      select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'from', x.t->'from_state', 'event', x.t->'event', 'to', x.t->'to_state',
               'data', nullif(x.t->'event_data', 'null'::jsonb))) order by x.n)
      into v_transitions
      from jsonb_array_elements(p->'transitions') with ordinality as x(t, n);
    end if;

    -- Absent keys mean nothing to write (most turns write no records): skip those statements.
    if p ? 'notifications' then
      insert into notifications (session_id, event_id, kind, recipient_kind, recipient, payload)
      select v_session, v_event, x.kind, x.recipient_kind, x.recipient, coalesce(x.payload, '{}')
      from jsonb_to_recordset(p->'notifications') as x(kind text, recipient_kind text, recipient text, payload jsonb)
      on conflict (event_id, kind, recipient_kind) do nothing;
    end if;

    if p ? 'assessments' then
      for t in select * from jsonb_array_elements(p->'assessments') loop
        if t->>'op' = 'create' then
          insert into assessments (session_id, type, status, questions, event_id)
          values (v_session, t->>'type', 'pending', coalesce(t->'questions', '[]'), v_event)
          on conflict (session_id, type) do nothing;
        else
          update assessments set
            status = t->>'status',
            results = coalesce(t->'results', results),
            completed_at = case when t->>'status' = 'completed' then now() else completed_at end
          where session_id = v_session and type = t->>'type';
        end if;
      end loop;
    end if;

    if p ? 'goals' then
      for t in select * from jsonb_array_elements(p->'goals') loop
        if t->>'op' = 'create' then
          insert into goals (session_id, title, description, target_date, event_id)
          values (v_session, t->>'title', t->>'description', (t->>'targetDate')::timestamptz, v_event)
          on conflict (event_id, title) do nothing;
        elsif t->>'op' = 'complete-all' then
          update goals set status = 'completed', progress = 100, updated_at = now()
          where session_id = v_session and status <> 'completed';
        elsif t->>'op' = 'progress' then
          update goals set progress = (t->>'progress')::integer, updated_at = now()
          where session_id = v_session and (t->>'goalId' is null or id = (t->>'goalId')::uuid) and status = 'active';
        end if;
      end loop;
    end if;

    if p ? 'progress' then
      insert into progress_updates (session_id, goal_id, update_type, content, metadata, event_id)
      select v_session, x.goal_id, x.update_type, x.content, x.metadata, v_event
      from jsonb_to_recordset(p->'progress') as x(goal_id uuid, update_type text, content text, metadata jsonb)
      on conflict (event_id) do nothing;
    end if;

    -- Timer jobs: runAt set → (re)arm with job_key replace; runAt null → remove.
    if p ? 'timers' then
      for t in select * from jsonb_array_elements(p->'timers') loop
        if t->>'runAt' is null then
          perform graphile_worker.remove_job(t->>'key');
        else
          perform graphile_worker.add_job(
            t->>'task',
            (t->'payload')::json,
            run_at => (t->>'runAt')::timestamptz,
            max_attempts => 10,
            job_key => t->>'key',
            job_key_mode => 'replace'
          );
        end if;
      end loop;
    end if;

    if p->'turn' is not null and jsonb_typeof(p->'turn') = 'object' then
      v_turn := compact_turn(p->'turn');
    end if;
  else
    update sessions set processed_seq = v_seq where id = v_session;
  end if;

  -- An applied outcome's `from`, `to` and `machineEvents` are its transitions (event_outcome() reads
  -- them back): kept once when they agree, as the turn builds them.
  if p->'outcome'->>'status' = 'applied' and v_transitions is not null
     and p->'outcome'->'from' = v_transitions->0->'from'
     and p->'outcome'->'to' = v_transitions->-1->'to'
     and p->'outcome'->'machineEvents' =
         (select jsonb_agg(x.t->'event' order by x.n)
            from jsonb_array_elements(v_transitions) with ordinality as x(t, n)) then
    p := jsonb_set(p, '{outcome}', (p->'outcome') - 'from' - 'to' - 'machineEvents');
  end if;
  update session_events set
    processed_at = now(), outcome = p->'outcome', version = v_version, state = v_state,
    session_status = v_status, transitions = v_transitions, turn = v_turn
  where session_id = v_session and seq = v_seq;
  return jsonb_build_object('status', 'ok', 'version', v_version);
end;
$$;

/*
 * History retention (0007), now on one table: the events beyond the window go with their outcomes,
 * transitions and turns. The agents' thread (Mastra memory, thread id = session id) keeps no message
 * older than the oldest event kept, and at most `p_keep_messages` messages: the agents recall only
 * the last 20, and the conversation itself is the turns' replies.
 */
drop function prune_session_history(uuid, int, int);
create function prune_session_history(p_session uuid, p_keep_events int, p_keep_days int, p_keep_messages int)
returns jsonb
language plpgsql as $$
declare
  v_last bigint;
  v_before timestamptz := case when p_keep_days > 0 then now() - make_interval(days => p_keep_days) end;
  v_result jsonb;
  v_messages bigint := 0;
begin
  select processed_seq into v_last from sessions where id = p_session;
  with gone as (
    delete from session_events e
    where e.session_id = p_session
      and e.seq <= coalesce(v_last, 0)
      and (e.seq <= v_last - p_keep_events or (v_before is not null and e.received_at < v_before))
    returning e.processed_at, e.transitions, e.turn
  )
  select jsonb_build_object(
    'events', count(*),
    'outcomes', count(processed_at),
    'turns', count(turn),
    'transitions', coalesce(sum(jsonb_array_length(transitions)), 0)
  ) into v_result from gone;
  -- The table is Mastra's: it may not exist yet.
  if to_regclass('mastra_messages') is not null then
    execute $q$
      with gone as (
        delete from mastra_messages
        where thread_id = $1::text
          and ("createdAtZ" < (select min(received_at) from session_events where session_id = $1)
               or id in (select id from mastra_messages where thread_id = $1::text
                         order by "createdAt" desc offset $2))
        returning 1
      )
      select count(*) from gone
    $q$ into v_messages using p_session, p_keep_messages;
  end if;
  return v_result || jsonb_build_object('messages', v_messages);
end;
$$;
