-- User-defined workflows (issue 14, seed 004): definitions with immutable versions, runs pinned to the
-- version they started with, per-step results, compensation progress (saga), human tasks, event waits,
-- cron schedules with one row per fire, and circuit breakers shared by every process.

create table workflow_definitions (
  id text primary key,
  name text not null,
  description text,
  status text not null default 'active' check (status in ('active', 'deprecated')),
  latest_version integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table workflow_definition_versions (
  definition_id text not null references workflow_definitions (id),
  version integer not null,
  spec jsonb not null,
  created_at timestamptz not null default now(),
  primary key (definition_id, version)
);

-- A version is never changed: a run started on it must see exactly what it started with.
create function workflow_definition_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'workflow definition versions are immutable (create a new version instead)';
end $$;
create trigger workflow_definition_versions_immutable
  before update or delete on workflow_definition_versions
  for each row execute function workflow_definition_versions_immutable();

create table workflow_runs (
  id text primary key,
  definition_id text not null,
  version integer not null,
  status text not null default 'queued' check (status in (
    'queued', 'running', 'waiting', 'compensating', 'completed', 'failed', 'cancelled')),
  input jsonb not null default '{}',
  output jsonb,
  error jsonb,
  trigger jsonb not null default '{"type":"api"}',
  idempotency_key text unique,
  attempt integer not null default 1,
  -- The Mastra run now executing the compiled workflow (a new one per attempt or takeover).
  mastra_run_id text,
  cancel_requested boolean not null default false,
  -- Who drives the run now, until when: a live process renews it; an expired lease is taken over.
  lease_owner text,
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  foreign key (definition_id, version) references workflow_definition_versions (definition_id, version)
);
create index workflow_runs_definition on workflow_runs (definition_id, created_at);
create index workflow_runs_active on workflow_runs (status, lease_until)
  where status in ('queued', 'running', 'compensating');

create table workflow_step_results (
  run_id text not null references workflow_runs (id) on delete cascade,
  step_id text not null,
  kind text not null,
  status text not null check (status in (
    'running', 'completed', 'failed', 'skipped', 'cancelled', 'waiting')),
  output jsonb,
  error jsonb,
  error_class text,
  tries integer not null default 0,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  duration_ms integer,
  -- Completion order: compensation walks completed steps in reverse of it.
  completed_seq bigint,
  primary key (run_id, step_id)
);
create sequence workflow_step_completion_seq;

-- Saga progress, one row per completed step to undo, written before the first compensation runs:
-- a process killed half-way leaves rows a survivor finishes, each compensation once.
create table workflow_compensations (
  run_id text not null references workflow_runs (id) on delete cascade,
  position integer not null,
  step_id text not null,
  compensation_id text not null,
  status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
  tries integer not null default 0,
  error text,
  started_at timestamptz,
  finished_at timestamptz,
  primary key (run_id, position)
);

create table workflow_run_events (
  seq bigserial primary key,
  run_id text not null references workflow_runs (id) on delete cascade,
  type text not null,
  data jsonb not null default '{}',
  at timestamptz not null default now()
);
create index workflow_run_events_run on workflow_run_events (run_id, seq);

create table workflow_human_tasks (
  id text primary key,
  run_id text not null references workflow_runs (id) on delete cascade,
  step_id text not null,
  kind text not null check (kind in ('task', 'escalation')),
  title text not null,
  assignee text not null,
  details jsonb,
  status text not null default 'open' check (status in ('open', 'answered', 'cancelled')),
  answer jsonb,
  escalate_at timestamptz,
  escalate_to text,
  escalated_at timestamptz,
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  unique (run_id, step_id, kind)
);

create table workflow_event_waits (
  run_id text not null references workflow_runs (id) on delete cascade,
  step_id text not null,
  event text not null,
  status text not null default 'waiting' check (status in ('waiting', 'matched', 'timed_out')),
  payload jsonb,
  due_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (run_id, step_id)
);
create index workflow_event_waits_event on workflow_event_waits (event) where status = 'waiting';

create table workflow_schedules (
  id bigserial primary key,
  definition_id text not null references workflow_definitions (id),
  cron text not null,
  input jsonb not null default '{}',
  enabled boolean not null default true,
  -- Scaled time runs from here (TIME_SCALE), the same for every process.
  anchor_at timestamptz not null default now(),
  unique (definition_id, cron)
);

-- One row per fire: the primary key is what makes a fire start one run across every process.
create table workflow_schedule_fires (
  schedule_id bigint not null references workflow_schedules (id) on delete cascade,
  fire_at timestamptz not null,
  run_id text references workflow_runs (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (schedule_id, fire_at)
);

create table workflow_circuit_breakers (
  key text primary key,
  state text not null default 'closed' check (state in ('closed', 'open', 'half_open')),
  failures integer not null default 0,
  opened_at timestamptz,
  open_until timestamptz,
  updated_at timestamptz not null default now()
);
