-- Mentoring sessions (seed 000's schema, adapted to one session per learner and story).
-- Everything that happens to a session is an event in `session_events` (the inbox, insert-only); a
-- turn applies the next event and commits the session row, its outcome (`event_outcomes`), the
-- transition log, the records its actions wrote and its timer changes in one transaction
-- (`commit_session_turn` below). Events are applied strictly in arrival order, so "processed" is
-- simply `seq <= sessions.processed_seq`: no inbox row is ever updated.

create table learners (
  id text primary key,
  name text,
  created_at timestamptz not null default now()
);

create table mentors (
  id text primary key,
  name text,
  -- Seed 000 guard 'mentor_available'.
  available boolean not null default true,
  created_at timestamptz not null default now()
);

create table sessions (
  id uuid primary key,
  learner_id text not null references learners (id),
  mentor_id text references mentors (id),
  machine text not null check (machine in ('story', 'lifecycle')),
  -- Current leaf state and its root-first path (the machine snapshot without its history: the
  -- history is `state_transitions`).
  state text not null,
  state_path text[] not null,
  entered_at timestamptz not null,
  -- Events applied so far; every applied event adds one (compare-and-set for turns).
  version bigint not null default 0,
  -- Events up to this seq have been processed (applied, recorded, ignored or rejected).
  processed_seq bigint not null default 0,
  status text not null default 'active' check (status in ('active', 'paused', 'completed', 'cancelled')),
  -- Working memory of the turn layer (current task, plan, logical timers, counters). Small.
  context jsonb not null default '{}',
  -- The learner view of the story (title, description, criteria, complexity). The reference
  -- solution lives in `story_solutions`, never here.
  story jsonb not null,
  next_check_in timestamptz,
  last_activity_at timestamptz,
  started_at timestamptz not null default now(),
  paused_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
) with (fillfactor = 70);
create index sessions_learner_idx on sessions (learner_id, created_at desc);
create index sessions_status_check_in_idx on sessions (status, next_check_in);

-- Kept apart from `sessions.story` so that no query for the learner view can leak it.
create table story_solutions (
  session_id uuid primary key references sessions (id) on delete cascade,
  reference_solution text not null
);

-- The inbox's arrival counter, in a row of its own: ingest takes the next number under this narrow
-- row's lock (so a session's events are numbered in commit order, with gaps where a repeated key
-- stored nothing) without rewriting the wide session row.
create table session_inbox (
  session_id uuid primary key references sessions (id) on delete cascade,
  last_seq bigint not null default 0
) with (fillfactor = 50);

create table session_events (
  session_id uuid not null references sessions (id) on delete cascade,
  -- Arrival order within the session (from session_inbox.last_seq).
  seq bigint not null,
  -- Derived from (session, idempotency key) when there is a key, else random.
  id uuid not null,
  -- The client's event id, or one derived for timers; null for events sent without an id.
  idempotency_key text,
  type text not null,
  payload jsonb not null default '{}',
  source text not null default 'client' check (source in ('client', 'timer', 'system')),
  received_at timestamptz not null default now(),
  primary key (session_id, seq)
);
create unique index session_events_key_idx on session_events (session_id, idempotency_key) where idempotency_key is not null;

-- What processing each inbox event did, and the session after it (insert-only).
create table event_outcomes (
  session_id uuid not null references sessions (id) on delete cascade,
  seq bigint not null,
  -- { status: 'applied' | 'recorded' | 'ignored' | 'rejected', ... }
  outcome jsonb not null,
  -- The session after the event (unchanged ones when rejected).
  version bigint not null,
  state text not null,
  session_status text not null,
  processed_at timestamptz not null default now(),
  primary key (session_id, seq)
);

-- Seed 000's audit log of machine transitions (plus pause / resume, which keep the state).
create table state_transitions (
  id bigint generated always as identity primary key,
  session_id uuid not null references sessions (id) on delete cascade,
  event_id uuid not null,
  version bigint not null,
  from_state text not null,
  event text not null,
  to_state text not null,
  event_data jsonb,
  created_at timestamptz not null default now()
);
create index state_transitions_session_idx on state_transitions (session_id, id);

-- What a turn did beyond the transition: actions run, replies, agent usage.
create table turns (
  id bigint generated always as identity primary key,
  session_id uuid not null references sessions (id) on delete cascade,
  event_id uuid not null unique,
  version bigint not null,
  actions text[] not null default '{}',
  replies jsonb not null default '[]',
  -- One entry per agent call: { action, model, tokensIn, tokensOut, latencyMs, fallback }.
  agent_calls jsonb not null default '[]',
  tokens_in integer not null default 0,
  tokens_out integer not null default 0,
  latency_ms integer not null default 0,
  model text,
  fallback boolean not null default false,
  created_at timestamptz not null default now()
);
create index turns_session_idx on turns (session_id, id);

-- Escalations and messages to a mentor, a human or the learner (the `notify*` actions).
create table notifications (
  id bigint generated always as identity primary key,
  session_id uuid not null references sessions (id) on delete cascade,
  event_id uuid not null,
  kind text not null,
  recipient_kind text not null check (recipient_kind in ('learner', 'mentor', 'human')),
  recipient text,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  unique (event_id, kind, recipient_kind)
);
create index notifications_session_idx on notifications (session_id, id);
create index notifications_undelivered_idx on notifications (recipient_kind, id) where delivered_at is null;

-- Seed 000: assessments, goals, progress updates (per session rather than per mentorship).
create table assessments (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references sessions (id) on delete cascade,
  type text not null check (type in ('initial', 'progress', 'final')),
  status text not null default 'pending' check (status in ('pending', 'in_progress', 'completed')),
  questions jsonb not null default '[]',
  results jsonb,
  event_id uuid not null,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (session_id, type)
);

create table goals (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references sessions (id) on delete cascade,
  title varchar(255) not null,
  description text,
  target_date timestamptz,
  status text not null default 'active' check (status in ('active', 'completed', 'paused')),
  progress integer not null default 0 check (progress between 0 and 100),
  event_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, title)
);
create index goals_session_idx on goals (session_id, status);

create table progress_updates (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references sessions (id) on delete cascade,
  goal_id uuid references goals (id) on delete set null,
  update_type text not null check (update_type in ('check_in', 'milestone', 'issue')),
  content text not null,
  metadata jsonb,
  event_id uuid not null unique,
  created_at timestamptz not null default now()
);
create index progress_updates_session_idx on progress_updates (session_id, created_at);

-- Timer worker pools alive in some process (heartbeat), so a booting process can unlock the jobs
-- of pools that died (graphile_worker.force_unlock_workers).
create table timer_workers (
  worker_id text primary key,
  pid integer not null,
  host text not null,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
);

/*
 * Commits one turn in one round trip and one transaction. `p`:
 *   { sessionId, seq, eventId, version,
 *     outcome,                 -- stored in event_outcomes
 *     session?,                -- new session fields; absent when the event is rejected
 *     transitions?, notifications?, assessments?, goals?, progress?, timers?, turn? }
 * Returns { status: 'ok', version } or { status: 'conflict' | 'missing', version? }: conflict when the
 * session moved on (compare-and-set on version) or the event is not the oldest pending one.
 */
create function commit_session_turn(p jsonb) returns jsonb
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

    -- Absent keys mean nothing to write (most turns write no records): skip those statements.
    if p ? 'transitions' then
      insert into state_transitions (session_id, event_id, version, from_state, event, to_state, event_data)
      select v_session, v_event, v_version, x.from_state, x.event, x.to_state, x.event_data
      from jsonb_to_recordset(p->'transitions') as x(from_state text, event text, to_state text, event_data jsonb);
    end if;

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
      insert into turns (session_id, event_id, version, actions, replies, agent_calls, tokens_in, tokens_out, latency_ms, model, fallback)
      values (
        v_session, v_event, v_version,
        array(select jsonb_array_elements_text(coalesce(p->'turn'->'actions', '[]'))),
        coalesce(p->'turn'->'replies', '[]'),
        coalesce(p->'turn'->'agentCalls', '[]'),
        coalesce((p->'turn'->>'tokensIn')::integer, 0),
        coalesce((p->'turn'->>'tokensOut')::integer, 0),
        coalesce((p->'turn'->>'latencyMs')::integer, 0),
        p->'turn'->>'model',
        coalesce((p->'turn'->>'fallback')::boolean, false)
      )
      on conflict (event_id) do nothing;
    end if;
  else
    update sessions set processed_seq = v_seq where id = v_session;
  end if;

  insert into event_outcomes (session_id, seq, outcome, version, state, session_status)
  values (v_session, v_seq, p->'outcome', v_version, v_state, v_status);
  return jsonb_build_object('status', 'ok', 'version', v_version);
end;
$$;
