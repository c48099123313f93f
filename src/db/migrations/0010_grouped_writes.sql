-- Group commit (src/db/group-writes.ts): several sessions' inbox events stored by one statement.
-- Each event is stored exactly as `insert-inbox-event` stores one (the session's arrival counter
-- bumped under its row lock, a repeated idempotency key storing nothing), in the order given,
-- which the caller sorts by session so that two groups lock the sessions in one order.
-- Returns the position (`n`, from 0) of each event stored; a repeated key returns no row.
create function insert_inbox_events(p jsonb)
returns table (n int, event_seq bigint, event_received_at timestamptz)
language plpgsql as $$
declare
  e record;
  v_seq bigint;
begin
  for e in
    select x.n - 1 as n, x.v
    from jsonb_array_elements(p) with ordinality as x(v, n)
    order by x.n
  loop
    update session_inbox set last_seq = last_seq + 1
    where session_id = (e.v->>'sessionId')::uuid
    returning last_seq into v_seq;
    continue when not found;
    insert into session_events as s (session_id, seq, id, idempotency_key, type, payload, source)
    values ((e.v->>'sessionId')::uuid, v_seq, (e.v->>'eventId')::uuid, e.v->>'key', e.v->>'type',
            e.v->'data', e.v->>'source')
    on conflict (session_id, idempotency_key) where idempotency_key is not null do nothing
    returning s.seq, s.received_at into event_seq, event_received_at;
    if found then
      n := e.n;
      return next;
    end if;
  end loop;
end $$;
