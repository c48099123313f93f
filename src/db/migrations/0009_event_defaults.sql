-- An event's row stores only what the row does not already say (issue 11, ≤ 400 B per event).
-- Measured on the bench's monitoring loop (bench/retention.ts): every row repeated an outcome of
-- 34–52 B that its own columns decide — `{"status": "applied"}` next to its transitions, or
-- `{"status": "recorded", "reason": "<type> recorded"}` next to its type —, the state it reached,
-- which is its last transition's `to`, and the status `active`. Those are now left out (null) and
-- read back whole by the functions below, which every reader uses; any other value is stored as it
-- is. A row is null there only when it is processed and the value was the default, so nothing is
-- guessed: "processed" is still `processed_at is not null`.

-- A turn and its transitions are kept as JSON text, not jsonb: each is written once, read back
-- whole, and never searched inside. jsonb's per-member entries and numerics took 456 B for a typical
-- coaching turn (one reply, one agent call) where its text takes 397 B, and 99 B for one transition
-- where its text takes 89 B; about one event in four has a turn and one in two a transition.
drop view event_outcomes, state_transitions, turns;
alter table session_events
  alter column turn type json using turn::json,
  alter column transitions type json using transitions::json;

-- The outcome a processed event has unless its row says otherwise. jsonb_object over text pairs,
-- not jsonb_build_object: the latter is only stable (its "any" arguments), which kept the planner
-- from inlining this function into the commit's update and the readers, so every call went through
-- the SQL function executor (0.027 ms a turn, measured with track_functions = 'all').
create function event_default_outcome(p_type text, p_transitions json) returns jsonb
language sql immutable parallel safe as $$
  select case
    when p_transitions is not null then '{"status": "applied"}'::jsonb
    else jsonb_object(array['status', 'recorded', 'reason', p_type || ' recorded'])
  end
$$;

/** An event's whole outcome as its turn gave it (null until the turn commits). */
create function event_outcome(p_processed_at timestamptz, p_type text, p_outcome jsonb, p_transitions json)
returns jsonb
language sql immutable parallel safe as $$
  select case when p_processed_at is not null then
    event_outcome(coalesce(p_outcome, event_default_outcome(p_type, p_transitions)), p_transitions::jsonb)
  end
$$;

/** The session's state after the event: its last transition's target unless stored. */
create function event_state(p_processed_at timestamptz, p_state text, p_transitions json) returns text
language sql immutable parallel safe as $$
  select case when p_processed_at is not null then coalesce(p_state, p_transitions->-1->>'to') end
$$;

/** The session's status after the event: `active` unless stored. */
create function event_session_status(p_processed_at timestamptz, p_status text) returns text
language sql immutable parallel safe as $$
  select case when p_processed_at is not null then coalesce(p_status, 'active') end
$$;

-- Rows written before: the same rule. The outcome compared is the stored one (an applied outcome
-- already keeps its transitions' part only in the transitions, see 0008).
update session_events set
  outcome = case when outcome = event_default_outcome(type, transitions) then null else outcome end,
  state = case when state = transitions->-1->>'to' then null else state end,
  session_status = case when session_status = 'active' then null else session_status end
where processed_at is not null
  and (outcome = event_default_outcome(type, transitions) or state = transitions->-1->>'to'
       or session_status = 'active');

-- compact_turn (0008) in PL/pgSQL, same body: its sub-select keeps a SQL function from being inlined,
-- so PostgreSQL 15 parsed and planned it again on every call (0.13 ms, one turn in four); in
-- PL/pgSQL the plan is kept for the connection (0.035 ms). commit_session_turn went 0.30 → 0.23 ms
-- a turn in a micro-benchmark.
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

-- The views of 0008, reading through the functions above.
create view event_outcomes as
  select session_id, seq, event_outcome(processed_at, type, outcome, transitions) as outcome, version,
         event_state(processed_at, state, transitions) as state,
         event_session_status(processed_at, session_status) as session_status, processed_at
  from session_events where processed_at is not null;

create view state_transitions as
  select e.seq * 64 + x.n as id, e.session_id, e.id as event_id, e.version,
         x.t->>'from' as from_state, x.t->>'event' as event, x.t->>'to' as to_state,
         x.t->'data' as event_data, e.processed_at as created_at
  from session_events e
  cross join lateral jsonb_array_elements(e.transitions::jsonb) with ordinality as x(t, n)
  where e.transitions is not null;

create view turns as
  select e.seq as id, e.session_id, e.id as event_id, e.version,
         array(select jsonb_array_elements_text(coalesce(t.turn->'actions', '[]'))) as actions,
         coalesce(t.turn->'replies', '[]') as replies,
         turn_agent_calls(t.turn) as agent_calls,
         coalesce((select sum((c->>'tokensIn')::integer)
                     from jsonb_array_elements(t.turn->'agentCalls') c), 0)::integer as tokens_in,
         coalesce((select sum((c->>'tokensOut')::integer)
                     from jsonb_array_elements(t.turn->'agentCalls') c), 0)::integer as tokens_out,
         coalesce((t.turn->>'latencyMs')::integer, 0) as latency_ms,
         t.turn->'agentCalls'->-1->>'model' as model,
         coalesce(t.turn->'agentCalls' @> '[{"fallback": true}]', false) as fallback,
         e.processed_at as created_at
  from session_events e
  cross join lateral (select e.turn::jsonb as turn) t
  where e.turn is not null;

/*
 * Commits one turn (as in 0008), leaving out of the event's row what the row says by itself.
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
  -- What the row says by itself is left out (event_default_outcome, event_state, ... above).
  update session_events set
    processed_at = now(),
    outcome = case when p->'outcome' = event_default_outcome(type, v_transitions::json) then null
                   else p->'outcome' end,
    version = v_version, state = nullif(v_state, v_transitions->-1->>'to'),
    session_status = nullif(v_status, 'active'), transitions = v_transitions::json, turn = v_turn::json
  where session_id = v_session and seq = v_seq;
  return jsonb_build_object('status', 'ok', 'version', v_version);
end;
$$;

-- History retention as in 0008, counting transitions kept as JSON text.
create or replace function prune_session_history(p_session uuid, p_keep_events int, p_keep_days int, p_keep_messages int)
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
    'transitions', coalesce(sum(json_array_length(transitions)), 0)
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
