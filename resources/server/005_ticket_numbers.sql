-- Server schema version 5 (issue 16, part "clash"): which ticket ids each ticket number names, for clash detection
-- at push (a console hears at once that a number it gave is another console's ticket's too) and at join (a database
-- with its own tickets joins only when none of its numbers is already the server's under another ticket).

-- Every number a ticket was registered or renumbered with (a number stays a ticket's once given: its former
-- numbers keep finding it on every console, so a new ticket with one of them clashes too).
CREATE TABLE hotline_ticket_numbers (
    number    text NOT NULL,
    ticket_id text NOT NULL,
    PRIMARY KEY (number, ticket_id)
);

-- The number a registered or renumbered event gives its ticket; NULL for any other event, or a payload that is not
-- a JSON object with that number (the server keeps what a console pushed; consoles set such events aside).
CREATE FUNCTION hotline_event_number(p_type text, p_payload text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v jsonb;
BEGIN
    IF p_type NOT IN ('registered', 'renumbered') THEN
        RETURN NULL;
    END IF;
    BEGIN
        v := p_payload::jsonb;
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END;
    IF jsonb_typeof(v) <> 'object' THEN
        RETURN NULL;
    END IF;
    RETURN nullif(btrim(CASE p_type WHEN 'registered' THEN v->>'number' ELSE v->>'to' END), '');
END $$;

-- Kept by a trigger on the event log itself, whatever inserts there (hotline_push, or the function that replaces it
-- in version 7): once per statement, over the rows it added. One set-based insert; only when a payload in the batch
-- is not JSON at all (the server keeps what a console pushed) does it go row by row around that payload.
CREATE FUNCTION hotline_note_ticket_numbers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    BEGIN
        INSERT INTO hotline_ticket_numbers(number, ticket_id)
        SELECT DISTINCT n.number, n.ticket_id
        FROM (SELECT nullif(btrim(CASE a.type WHEN 'registered' THEN a.payload::jsonb->>'number'
                                              ELSE a.payload::jsonb->>'to' END), '') AS number, a.ticket_id
              FROM hotline_added_events a WHERE a.type IN ('registered', 'renumbered')) n
        WHERE n.number IS NOT NULL
        ON CONFLICT DO NOTHING;
    EXCEPTION WHEN invalid_text_representation OR data_exception THEN
        INSERT INTO hotline_ticket_numbers(number, ticket_id)
        SELECT DISTINCT n.number, n.ticket_id
        FROM (SELECT hotline_event_number(a.type, a.payload) AS number, a.ticket_id FROM hotline_added_events a
              WHERE a.type IN ('registered', 'renumbered')) n
        WHERE n.number IS NOT NULL
        ON CONFLICT DO NOTHING;
    END;
    RETURN NULL;
END $$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_note_ticket_numbers() SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION hotline_note_ticket_numbers() FROM PUBLIC;
CREATE TRIGGER hotline_events_ticket_numbers AFTER INSERT ON hotline_events
    REFERENCING NEW TABLE AS hotline_added_events
    FOR EACH STATEMENT EXECUTE FUNCTION hotline_note_ticket_numbers();

-- The events already there.
INSERT INTO hotline_ticket_numbers(number, ticket_id)
SELECT DISTINCT n.number, n.ticket_id
FROM (SELECT hotline_event_number(e.type, e.payload) AS number, e.ticket_id FROM hotline_events e
      WHERE e.type IN ('registered', 'renumbered')) n
WHERE n.number IS NOT NULL
ON CONFLICT DO NOTHING;

-- Which of these numbers the server knows under another ticket than the one given beside it (p_ticket_ids[i] is
-- the ticket p_numbers[i] names on the asking console), with that other ticket and the console that registered it.
-- A console may read the log anyway; this answers from the index in one round trip for thousands of numbers.
CREATE FUNCTION hotline_clashing_numbers(p_numbers text[], p_ticket_ids text[])
RETURNS TABLE(number text, ticket_id text, other_ticket_id text, other_console text)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT q.number, q.ticket_id, n.ticket_id,
           (SELECT e.console FROM hotline_events e WHERE e.ticket_id = n.ticket_id AND e.type = 'registered'
            ORDER BY e.server_seq LIMIT 1)
    FROM unnest(p_numbers, p_ticket_ids) AS q(number, ticket_id)
    JOIN hotline_ticket_numbers n ON n.number = q.number AND n.ticket_id <> q.ticket_id
    ORDER BY q.number, n.ticket_id
$$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_clashing_numbers(text[], text[]) SET search_path = %I, pg_temp',
                   current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION hotline_clashing_numbers(text[], text[]) FROM PUBLIC;

-- Console roles made before this version may ask; a role made later gets the right from `server init
-- --console-role` (core/sync/ConsoleRole.cpp).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles
             WHERE has_function_privilege(oid, 'hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[])', 'EXECUTE')
               AND NOT pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = 'hotline_events'::regclass), 'MEMBER')
               AND NOT rolsuper LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION hotline_clashing_numbers(text[], text[]) TO %I', r.rolname);
    END LOOP;
END $$;
