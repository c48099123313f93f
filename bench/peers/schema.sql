-- The tables of one session event, for the peers bench: a session row (locked and updated), a
-- transition log (one row per event) and timer jobs (one per session, upserted). Each contender
-- uses its own range of session ids (see run.ts).
create table peer_sessions (
  id integer primary key,
  state text not null,
  version integer not null default 0,
  updated_at timestamptz not null default now()
);
create table peer_transitions (
  id bigserial primary key,
  session_id integer not null,
  from_state text not null,
  to_state text not null,
  event text not null,
  at timestamptz not null default now()
);
create index peer_transitions_session on peer_transitions (session_id, id);
create table peer_jobs (
  key text primary key,
  session_id integer not null,
  run_at timestamptz not null
);
