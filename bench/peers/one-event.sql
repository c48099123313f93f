-- One session event in one transaction (pgbench -M extended: every :name is a bind parameter):
-- lock the session row, update it, insert a transition row, upsert the session's timer job.
-- Client k of :clients owns the sessions :base + k, k + :clients, … so clients never wait on each other.
\set sid :base + :client_id + :clients * random(0, :sessions / :clients - 1)
BEGIN;
SELECT state FROM peer_sessions WHERE id = :sid::int FOR UPDATE \gset
UPDATE peer_sessions SET state = CASE WHEN :state::text = 'A' THEN 'B' ELSE 'A' END, version = version + 1, updated_at = now() WHERE id = :sid::int;
INSERT INTO peer_transitions (session_id, from_state, to_state, event) VALUES (:sid::int, :state::text, CASE WHEN :state::text = 'A' THEN 'B' ELSE 'A' END, 'activity');
INSERT INTO peer_jobs (key, session_id, run_at) VALUES ('timer:' || :sid::int, :sid::int, now() + interval '5 minutes') ON CONFLICT (key) DO UPDATE SET run_at = excluded.run_at;
END;
