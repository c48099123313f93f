-- A client (or a tracker webhook retrying a delivery) that starts the same run twice gets the first run
-- back: `Idempotency-Key` on POST /api/workflows/implementation, `<source>:<ticket id>` for tickets.
alter table implementation_runs add column idempotency_key text unique;
