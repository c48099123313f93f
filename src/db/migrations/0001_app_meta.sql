-- Key/value facts about this database that the app itself maintains: which version of Mastra's storage
-- schema was initialised (so `storage.init()` runs once per version, never from several processes at once)
-- and boot records shown by `mentorflow db status`.
create table app_meta (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table boot_log (
  id bigint generated always as identity primary key,
  booted_at timestamptz not null default now(),
  app_version text not null,
  node_version text not null,
  database_kind text not null check (database_kind in ('embedded', 'external')),
  pid integer not null
);
