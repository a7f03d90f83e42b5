-- Server schema version 1: the shared, append-only event log (PRODUCT §5).

-- One row holds the last sequence number handed out. A push locks it for the length of its transaction, so
-- numbers are given in commit order and a reader that has seen N has seen everything below N: a plain
-- bigserial would let a reader skip a row whose transaction took its number earlier but committed later.
CREATE TABLE hotline_sequence (
    id   integer PRIMARY KEY CHECK (id = 1),
    last bigint NOT NULL
);
INSERT INTO hotline_sequence VALUES (1, 0);

CREATE TABLE hotline_events (
    server_seq  bigint PRIMARY KEY,
    id          text NOT NULL UNIQUE,          -- the event's UUID: a repeated push is recognised, never doubled
    ticket_id   text NOT NULL,
    type        text NOT NULL,
    at_ms       bigint NOT NULL,
    actor       text NOT NULL,
    console     text NOT NULL,
    payload     text NOT NULL,                 -- compact JSON exactly as the console hashed it
    version     smallint NOT NULL DEFAULT 1,   -- event format; a console skips (and reports) versions it does not know
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hotline_events_ticket ON hotline_events(ticket_id, server_seq);

-- Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION hotline_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hotline_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER hotline_events_no_update BEFORE UPDATE OR DELETE ON hotline_events
    FOR EACH ROW EXECUTE FUNCTION hotline_refuse_change();
CREATE TRIGGER hotline_events_no_truncate BEFORE TRUNCATE ON hotline_events
    FOR EACH STATEMENT EXECUTE FUNCTION hotline_refuse_change();

-- One push = one call = one transaction: takes the sequence lock, inserts the events not seen before with the
-- next numbers, notifies listeners at commit, and answers every id with its server number (old or new).
CREATE FUNCTION hotline_push(p_ids text[], p_tickets text[], p_types text[], p_at bigint[], p_actors text[],
                             p_consoles text[], p_payloads text[], p_versions smallint[])
RETURNS TABLE(id text, server_seq bigint) LANGUAGE plpgsql AS $$
DECLARE
    v_last  bigint;
    v_added bigint;
BEGIN
    SELECT s.last INTO v_last FROM hotline_sequence s WHERE s.id = 1 FOR UPDATE;
    WITH incoming AS (
        SELECT u.*, row_number() OVER (ORDER BY u.ord) AS n
        FROM unnest(p_ids, p_tickets, p_types, p_at, p_actors, p_consoles, p_payloads, p_versions)
             WITH ORDINALITY AS u(id, ticket_id, type, at_ms, actor, console, payload, version, ord)
        WHERE NOT EXISTS (SELECT 1 FROM hotline_events e WHERE e.id = u.id)
    )
    INSERT INTO hotline_events(server_seq, id, ticket_id, type, at_ms, actor, console, payload, version)
    SELECT v_last + i.n, i.id, i.ticket_id, i.type, i.at_ms, i.actor, i.console, i.payload, i.version FROM incoming i;
    GET DIAGNOSTICS v_added = ROW_COUNT;
    IF v_added > 0 THEN
        UPDATE hotline_sequence SET last = v_last + v_added WHERE hotline_sequence.id = 1;
        PERFORM pg_notify('hotline_events', (v_last + v_added)::text);
    END IF;
    RETURN QUERY SELECT e.id, e.server_seq FROM hotline_events e WHERE e.id = ANY(p_ids);
END $$;

-- Consoles that joined; the code goes into their ticket numbers (YYMMDD-CC-NNNN).
CREATE TABLE hotline_consoles (
    code       text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    install_id text NOT NULL UNIQUE,          -- the console's own random id, so a rejoin keeps its code
    name       text NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT now()
);

-- Shared reference data (departments, categories, towns, calendar, settings, users) as versioned documents:
-- an administrator's change on any console reaches every console.
CREATE SEQUENCE hotline_reference_version;
CREATE TABLE hotline_reference (
    name       text PRIMARY KEY,
    version    bigint NOT NULL,
    content    text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
