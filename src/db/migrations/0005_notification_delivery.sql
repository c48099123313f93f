-- Notification delivery (issue 12): the notifications turns and implementation runs write are sent
-- to people by webhook and email, and escalations are tracked until a human resolves them.
--
-- Why triggers: a notification row is written by two paths (the session turn's one-statement commit,
-- `commit_session_turn`, and the implementation workflow's approval transaction). A trigger on each
-- table creates the escalation, its delivery rows and one Graphile Worker job per delivery in the
-- same transaction as the notification, without either writer knowing about delivery: a turn that
-- commits has its deliveries queued, a turn that is lost has none. Who is told depends on
-- configuration (webhook URLs, the on-call list, the acknowledgement timeout), which each process
-- running the worker mirrors into `notify_settings` at start so the trigger can read it.

-- Mentors' contact channels and availability (seed 000's `available` stays the on/off switch).
alter table mentors
  add column email text,
  add column webhook_url text,
  -- Away until this time (a holiday), though `available`; null: not away.
  add column away_until timestamptz,
  add column updated_at timestamptz not null default now();

-- Which mentors look after a learner (besides a session's own mentor_id).
create table learner_mentors (
  learner_id text not null references learners (id) on delete cascade,
  mentor_id text not null references mentors (id) on delete cascade,
  assigned_at timestamptz not null default now(),
  primary key (learner_id, mentor_id)
);

-- One row: the delivery configuration of the delivering processes (written when their worker starts).
create table notify_settings (
  id boolean primary key default true check (id),
  -- Every notification goes to each; `slack+https://…` gets the Slack incoming-webhook payload.
  webhook_urls text[] not null default '{}',
  -- Fallback recipients when a learner has no available mentor, and escalation level 2.
  oncall_emails text[] not null default '{}',
  -- Unacknowledged this long (already multiplied by TIME_SCALE) → the next level.
  ack_timeout_ms bigint not null default 1800000,
  updated_at timestamptz not null default now()
);
insert into notify_settings default values;

alter table implementation_notifications add column delivered_at timestamptz;

-- An escalation of a session: a notification a human must act on, followed until it is resolved.
create table escalations (
  id bigint generated always as identity primary key,
  notification_id bigint not null unique references notifications (id) on delete cascade,
  session_id uuid not null references sessions (id) on delete cascade,
  learner_id text not null,
  kind text not null,
  reason text,
  -- 1: the learner's mentors (else on-call); 2: the on-call list; 3: everyone (final).
  level integer not null default 1 check (level between 1 and 3),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  assigned_to text references mentors (id),
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at timestamptz,
  resolved_by text,
  resolution_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index escalations_status_idx on escalations (status, id desc);
create index escalations_session_idx on escalations (session_id, id desc);

-- One channel and target of one notification (of a session or of an implementation run).
create table deliveries (
  id bigint generated always as identity primary key,
  source text not null check (source in ('session', 'run')),
  -- notifications.id (source session) or implementation_notifications.id (source run).
  notification_id bigint not null,
  escalation_id bigint references escalations (id) on delete cascade,
  -- The escalation level that sent it (1 for plain notifications).
  level integer not null default 1,
  channel text not null check (channel in ('webhook', 'slack', 'email')),
  target text not null,
  attempts integer not null default 0,
  last_error text,
  last_attempt_at timestamptz,
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  -- Dead-lettered: the last attempt failed; nothing retries it any more.
  dead_at timestamptz,
  created_at timestamptz not null default now(),
  unique (source, notification_id, level, channel, target)
);
create index deliveries_notification_idx on deliveries (source, notification_id);
create index deliveries_escalation_idx on deliveries (escalation_id);
create index deliveries_pending_idx on deliveries (id) where delivered_at is null and dead_at is null;

-- Every attempt, kept for the console and the figures (when, how long, what failed).
create table delivery_attempts (
  delivery_id bigint not null references deliveries (id) on delete cascade,
  attempt integer not null,
  attempted_at timestamptz not null default now(),
  duration_ms integer not null,
  error text,
  primary key (delivery_id, attempt)
);

-- Session notification kinds that need a human to act (everything else is a notice: delivered, not tracked).
create function notify_is_escalation(p_kind text) returns boolean
language sql immutable as $$
  select p_kind in ('escalation', 'mentor-attention', 'technical-issue', 'story-timeout', 'crisis',
                    'help_requested', 'assessment_overdue', 'progress_stagnant')
$$;

-- Queues one delivery and its job (a repeated channel/target/level is queued once).
create function notify_enqueue(
  p_source text, p_notification bigint, p_escalation bigint, p_level integer, p_channel text, p_target text
) returns void
language plpgsql as $$
declare
  v_id bigint;
begin
  if p_target is null or btrim(p_target) = '' then
    return;
  end if;
  insert into deliveries (source, notification_id, escalation_id, level, channel, target, next_attempt_at)
  values (p_source, p_notification, p_escalation, p_level, p_channel, btrim(p_target), now())
  on conflict do nothing
  returning id into v_id;
  if v_id is not null then
    perform graphile_worker.add_job(
      'mentorflow_notify_deliver',
      json_build_object('deliveryId', v_id, 'attempt', 1),
      max_attempts => 3,
      job_key => 'delivery:' || v_id
    );
  end if;
end;
$$;

-- Every configured webhook: `slack+https://…` is the Slack variant.
create function notify_enqueue_webhooks(p_source text, p_notification bigint, p_escalation bigint, p_level integer)
returns void
language plpgsql as $$
declare
  v_url text;
begin
  for v_url in select unnest(webhook_urls) from notify_settings loop
    perform notify_enqueue(p_source, p_notification, p_escalation, p_level,
      case when v_url like 'slack+%' then 'slack' else 'webhook' end, v_url);
  end loop;
end;
$$;

-- A mentor's own channels, when the mentor is available (p_any: available or not).
create function notify_enqueue_mentor(
  p_source text, p_notification bigint, p_escalation bigint, p_level integer, p_mentor text, p_any boolean
) returns boolean
language plpgsql as $$
declare
  m record;
begin
  select * into m from mentors where id = p_mentor;
  if not found or not (p_any or (m.available and (m.away_until is null or m.away_until <= now()))) then
    return false;
  end if;
  if m.email is null and m.webhook_url is null then
    return false;
  end if;
  perform notify_enqueue(p_source, p_notification, p_escalation, p_level, 'email', m.email);
  perform notify_enqueue(p_source, p_notification, p_escalation, p_level,
    case when m.webhook_url like 'slack+%' then 'slack' else 'webhook' end, m.webhook_url);
  return true;
end;
$$;

create function notify_enqueue_oncall(p_source text, p_notification bigint, p_escalation bigint, p_level integer)
returns void
language plpgsql as $$
declare
  v_email text;
begin
  for v_email in select unnest(oncall_emails) from notify_settings loop
    perform notify_enqueue(p_source, p_notification, p_escalation, p_level, 'email', v_email);
  end loop;
end;
$$;

/*
 * Who is told about a session notification at a level:
 *   1  the learner's mentors (the session's mentor and the assigned ones) who are available and have a
 *      channel; none → the on-call list (escalations only: a notice then goes to the webhooks alone)
 *   2  the on-call list
 *   3  the on-call list and every mentor with a channel, available or not (the last level: no timer)
 * and every configured webhook at each level.
 */
create function notify_fan_out_session(p_notification bigint, p_escalation bigint, p_level integer)
returns void
language plpgsql as $$
declare
  n record;
  v_mentor text;
  v_reached boolean := false;
begin
  select x.*, s.learner_id, s.mentor_id into n
  from notifications x join sessions s on s.id = x.session_id where x.id = p_notification;
  if not found then
    return;
  end if;
  perform notify_enqueue_webhooks('session', p_notification, p_escalation, p_level);
  if p_level = 1 then
    for v_mentor in
      select n.mentor_id where n.mentor_id is not null
      union select mentor_id from learner_mentors where learner_id = n.learner_id
    loop
      v_reached := notify_enqueue_mentor('session', p_notification, p_escalation, p_level, v_mentor, false) or v_reached;
    end loop;
    -- A notice (story complete, mentorship ended) is for the learner's mentors only; an escalation
    -- nobody of theirs can take goes to the on-call list.
    if not v_reached and p_escalation is not null then
      perform notify_enqueue_oncall('session', p_notification, p_escalation, p_level);
    end if;
  elsif p_level = 2 then
    perform notify_enqueue_oncall('session', p_notification, p_escalation, p_level);
  else
    perform notify_enqueue_oncall('session', p_notification, p_escalation, p_level);
    for v_mentor in select id from mentors where email is not null or webhook_url is not null loop
      perform notify_enqueue_mentor('session', p_notification, p_escalation, p_level, v_mentor, true);
    end loop;
  end if;
end;
$$;

-- Schedules the acknowledgement timeout of an escalation at its level (replacing an earlier one).
create function notify_schedule_ack_timeout(p_escalation bigint, p_level integer) returns void
language plpgsql as $$
begin
  perform graphile_worker.add_job(
    'mentorflow_escalation_ack_timeout',
    json_build_object('escalationId', p_escalation, 'level', p_level),
    run_at => now() + make_interval(secs => (select ack_timeout_ms from notify_settings) / 1000.0),
    max_attempts => 5,
    job_key => 'escalation:' || p_escalation || ':ack',
    job_key_mode => 'replace'
  );
end;
$$;

create function notify_on_session_notification() returns trigger
language plpgsql as $$
declare
  v_escalation bigint;
  v_learner text;
begin
  -- The learner reads their notices in the chat; only people behind the learner are sent anything.
  if new.recipient_kind = 'learner' then
    return new;
  end if;
  if notify_is_escalation(new.kind) then
    -- One escalation per event: ESCALATE_TO_HUMAN writes `escalation` and then `mentor-attention`;
    -- the escalation already tells the mentor, so the second adds nothing to send.
    if exists (select 1 from escalations e join notifications n on n.id = e.notification_id
               where n.session_id = new.session_id and n.event_id = new.event_id) then
      return new;
    end if;
    select learner_id into v_learner from sessions where id = new.session_id;
    insert into escalations (notification_id, session_id, learner_id, kind, reason)
    values (new.id, new.session_id, v_learner, new.kind,
            coalesce(new.payload->>'reason', new.payload->>'state', new.kind))
    returning id into v_escalation;
    perform notify_schedule_ack_timeout(v_escalation, 1);
  end if;
  perform notify_fan_out_session(new.id, v_escalation, 1);
  return new;
end;
$$;

create trigger notifications_deliver after insert on notifications
for each row execute function notify_on_session_notification();

/*
 * A run notification's recipient is a comma list of names: an e-mail address, a mentor id (their
 * channels, available or not: they were named), or anything else (e.g. `oncall`, the default
 * `approver`/`operator`) → the on-call list. Every webhook is told as well.
 */
create function notify_on_run_notification() returns trigger
language plpgsql as $$
declare
  v_name text;
  v_oncall boolean := false;
begin
  perform notify_enqueue_webhooks('run', new.id, null, 1);
  for v_name in select btrim(x) from unnest(string_to_array(new.recipient, ',')) as x where btrim(x) <> '' loop
    if v_name like '%@%' then
      perform notify_enqueue('run', new.id, null, 1, 'email', v_name);
    elsif not notify_enqueue_mentor('run', new.id, null, 1, v_name, true) then
      v_oncall := true;
    end if;
  end loop;
  if v_oncall then
    perform notify_enqueue_oncall('run', new.id, null, 1);
  end if;
  return new;
end;
$$;

create trigger implementation_notifications_deliver after insert on implementation_notifications
for each row execute function notify_on_run_notification();

/*
 * The acknowledgement timeout fired: an escalation still open at that level goes one level up (new
 * deliveries, a new timeout below level 3). Returns the new level, or null when nothing was due
 * (acknowledged, resolved, already escalated further).
 */
create function notify_escalate_further(p_escalation bigint, p_level integer) returns integer
language plpgsql as $$
declare
  e record;
begin
  select * into e from escalations where id = p_escalation for update;
  if not found or e.status <> 'open' or e.level <> p_level or e.level >= 3 then
    return null;
  end if;
  update escalations set level = p_level + 1, updated_at = now() where id = p_escalation;
  perform notify_fan_out_session(e.notification_id, p_escalation, p_level + 1);
  if p_level + 1 < 3 then
    perform notify_schedule_ack_timeout(p_escalation, p_level + 1);
  end if;
  return p_level + 1;
end;
$$;
