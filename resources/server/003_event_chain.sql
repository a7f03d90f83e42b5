-- Server schema version 3: tamper evidence (docs/TAMPER-EVIDENCE.md). The server links every event it numbers
-- into a SHA-256 chain: chain = sha256(chain_prev || the event's fields), chain_prev being the chain of the event
-- numbered just before (empty for the first). The head lives in the locked sequence row, so the chain follows
-- server_seq exactly. `hotlinectl verify --server` recomputes it on the client.

-- No push may run while the existing events are linked (a push locks this row too).
SELECT 1 FROM hotline_sequence WHERE id = 1 FOR UPDATE;

ALTER TABLE hotline_events ADD COLUMN chain_prev bytea, ADD COLUMN chain bytea;
ALTER TABLE hotline_sequence ADD COLUMN chain bytea NOT NULL DEFAULT '\x'::bytea;

-- One link. Every field is length-prefixed (4 bytes, big endian) so no two events encode alike; numbers are
-- fixed-width big endian. server_seq and received_at are not part of it: the position is what the chain proves.
-- (core/sync/ServerChainVerifier.cpp computes the same bytes.)
CREATE FUNCTION hotline_chain_link(p_prev bytea, p_id text, p_ticket text, p_type text, p_at bigint, p_actor text,
                                   p_console text, p_version smallint, p_payload text)
RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    -- plpgsql, not sql: called once per event from hotline_push, where a SQL function costs five times more.
    RETURN sha256(p_prev
        || int4send(octet_length(convert_to(p_id, 'UTF8'))) || convert_to(p_id, 'UTF8')
        || int4send(octet_length(convert_to(p_ticket, 'UTF8'))) || convert_to(p_ticket, 'UTF8')
        || int4send(octet_length(convert_to(p_type, 'UTF8'))) || convert_to(p_type, 'UTF8')
        || int8send(p_at)
        || int4send(octet_length(convert_to(p_actor, 'UTF8'))) || convert_to(p_actor, 'UTF8')
        || int4send(octet_length(convert_to(p_console, 'UTF8'))) || convert_to(p_console, 'UTF8')
        || int2send(p_version)
        || int4send(octet_length(convert_to(p_payload, 'UTF8'))) || convert_to(p_payload, 'UTF8'));
END $$;

-- Link the events already there, in server order (computed first, then written in one statement).
CREATE TEMP TABLE hotline_chain_backfill (server_seq bigint PRIMARY KEY, prev bytea NOT NULL, chain bytea NOT NULL)
    ON COMMIT DROP;
DO $$
DECLARE
    r    record;
    head bytea := '\x'::bytea;
    link bytea;
BEGIN
    FOR r IN SELECT e.server_seq, e.id, e.ticket_id, e.type, e.at_ms, e.actor, e.console, e.version, e.payload
             FROM hotline_events e ORDER BY e.server_seq LOOP
        link := hotline_chain_link(head, r.id, r.ticket_id, r.type, r.at_ms, r.actor, r.console, r.version, r.payload);
        INSERT INTO hotline_chain_backfill VALUES (r.server_seq, head, link);
        head := link;
    END LOOP;
    UPDATE hotline_sequence SET chain = head WHERE id = 1;
END $$;
ALTER TABLE hotline_events DISABLE TRIGGER hotline_events_no_update;
UPDATE hotline_events e SET chain_prev = b.prev, chain = b.chain FROM hotline_chain_backfill b
    WHERE b.server_seq = e.server_seq;
ALTER TABLE hotline_events ENABLE TRIGGER hotline_events_no_update;
ALTER TABLE hotline_events ALTER COLUMN chain_prev SET NOT NULL, ALTER COLUMN chain SET NOT NULL;

-- The push now links each new event to the head. SECURITY DEFINER: a console's restricted role may insert
-- events only through this function (it has no INSERT on the table); the search_path is fixed below so that
-- nothing the caller creates can stand in for the tables or functions used here.
CREATE OR REPLACE FUNCTION hotline_push(p_ids text[], p_tickets text[], p_types text[], p_at bigint[], p_actors text[],
                                        p_consoles text[], p_payloads text[], p_versions smallint[])
RETURNS TABLE(id text, server_seq bigint) LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_last  bigint;
    v_head  bytea;
    v_ords  bigint[] := '{}';
    v_prevs bytea[] := '{}';
    v_links bytea[] := '{}';
    r       record;
BEGIN
    SELECT s.last, s.chain INTO v_last, v_head FROM hotline_sequence s WHERE s.id = 1 FOR UPDATE;
    -- The links are sequential, so they are computed one by one; the rows then go in with one INSERT.
    FOR r IN SELECT u.* FROM unnest(p_ids, p_tickets, p_types, p_at, p_actors, p_consoles, p_payloads, p_versions)
                 WITH ORDINALITY AS u(id, ticket_id, type, at_ms, actor, console, payload, version, ord)
             WHERE NOT EXISTS (SELECT 1 FROM hotline_events e WHERE e.id = u.id) ORDER BY u.ord LOOP
        v_ords := array_append(v_ords, r.ord);
        v_prevs := array_append(v_prevs, v_head);
        v_head := hotline_chain_link(v_head, r.id, r.ticket_id, r.type, r.at_ms, r.actor, r.console, r.version,
                                     r.payload);
        v_links := array_append(v_links, v_head);
    END LOOP;
    IF cardinality(v_ords) > 0 THEN
        INSERT INTO hotline_events(server_seq, id, ticket_id, type, at_ms, actor, console, payload, version,
                                   chain_prev, chain)
        SELECT v_last + c.n, u.id, u.ticket_id, u.type, u.at_ms, u.actor, u.console, u.payload, u.version, c.prev,
               c.link
        FROM unnest(v_ords, v_prevs, v_links) WITH ORDINALITY AS c(ord, prev, link, n)
        JOIN unnest(p_ids, p_tickets, p_types, p_at, p_actors, p_consoles, p_payloads, p_versions)
             WITH ORDINALITY AS u(id, ticket_id, type, at_ms, actor, console, payload, version, ord) ON u.ord = c.ord;
        UPDATE hotline_sequence SET last = v_last + cardinality(v_ords), chain = v_head WHERE hotline_sequence.id = 1;
        PERFORM pg_notify('hotline_events', (v_last + cardinality(v_ords))::text);
    END IF;
    RETURN QUERY SELECT e.id, e.server_seq FROM hotline_events e WHERE e.id = ANY(p_ids);
END $$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[]) '
                   'SET search_path = %I, pg_temp', current_schema());
END $$;
-- Only the owner and the roles `server init --console-role` names may push.
REVOKE EXECUTE ON FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[]) FROM PUBLIC;
