-- Seed 003's four-phase implementation workflow (plan → review → refine → implement, optional human
-- approval). Mastra's snapshot holds only ids; everything large or durable lives here:
--   implementation_runs          one row per run: status, phase, input, approval, which process drives it
--   implementation_run_attempts  the Mastra run behind each attempt (start, restart, crash recovery)
--   implementation_artifacts     plans, review reports, refinements, code — referenced by id from step outputs
--   implementation_checkpoints   one per completed phase; a restart re-uses the phases before the one named
--   implementation_run_events    the run's ordered event log (phase.completed …), streamed to clients
--   implementation_notifications who was asked to approve, who an unanswered approval escalated to
create table implementation_runs (
  id text primary key,
  -- Each attempt (first start, restart, recovery after a crash) is a Mastra run of its own; steps of
  -- an older attempt find their id replaced here and stop writing.
  mastra_run_id text not null unique,
  attempt integer not null default 1,
  status text not null check (status in ('queued', 'in_progress', 'awaiting_approval', 'completed', 'failed', 'rejected')),
  current_phase text check (current_phase in ('plan', 'review', 'refine', 'approval', 'implement')),
  phase_started_at timestamptz,
  input jsonb not null,
  metrics jsonb,
  error jsonb,
  approval_requested_at timestamptz,
  approval_decision text check (approval_decision in ('approved', 'rejected')),
  approval_comment text,
  approval_answered_at timestamptz,
  escalated_at timestamptz,
  -- Liveness key of the process driving the run (a session advisory lock it holds); null when no
  -- process owns it (e.g. started from Studio).
  owner_key integer,
  -- Last event sequence number; bumped under the row lock so events are numbered in commit order.
  event_seq integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
create index implementation_runs_active_idx on implementation_runs (status) where status in ('queued', 'in_progress');

-- Every Mastra run that has been an attempt of a run (the current one is implementation_runs.mastra_run_id).
create table implementation_run_attempts (
  mastra_run_id text primary key,
  run_id text not null references implementation_runs(id) on delete cascade,
  attempt integer not null,
  reason text not null check (reason in ('start', 'restart', 'recovery')),
  from_phase text check (from_phase in ('plan', 'review', 'refine', 'approval', 'implement')),
  created_at timestamptz not null default now(),
  unique (run_id, attempt)
);

create table implementation_artifacts (
  id uuid primary key,
  run_id text not null references implementation_runs(id) on delete cascade,
  kind text not null check (kind in ('plan', 'review', 'refinement', 'implementation')),
  attempt integer not null,
  -- 0 for the first plan and its review; n for the n-th refinement and its review.
  iteration integer not null default 0,
  content jsonb not null,
  created_at timestamptz not null default now()
);
create index implementation_artifacts_run_idx on implementation_artifacts (run_id, created_at);

create table implementation_checkpoints (
  run_id text not null references implementation_runs(id) on delete cascade,
  phase text not null check (phase in ('plan', 'review', 'refine', 'approval', 'implement')),
  attempt integer not null,
  -- The phase's step output (ids and scores only).
  output jsonb not null,
  duration_ms integer not null,
  completed_at timestamptz not null default now(),
  primary key (run_id, phase)
);
create index implementation_checkpoints_recent_idx on implementation_checkpoints (phase, completed_at desc);

create table implementation_run_events (
  run_id text not null references implementation_runs(id) on delete cascade,
  seq integer not null,
  type text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default clock_timestamp(),
  primary key (run_id, seq)
);

create table implementation_notifications (
  id bigint generated always as identity primary key,
  run_id text not null references implementation_runs(id) on delete cascade,
  kind text not null,
  recipient text not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index implementation_notifications_run_idx on implementation_notifications (run_id, id);
