-- Server schema version 9 (issue 16, "join with history" under per-console logins): a database that kept its own
-- records numbered them with its old console code (say 01), which the server may have given another console since;
-- its login is bound to a free code (say 03). The push of schema 7 refuses every event that does not carry the
-- login's code, so that history could never be pushed. Here the server records, when such a login joins, the old
-- code(s) its history carries and the moment it joined; the push then lets that login write events with an old
-- code dated before that moment, for its own tickets only (registered under that code by this login). A separate
-- migration, not an edit of 007: servers already at schema 7 get it too.

-- The old codes a console login's history carries, and the server's clock when it named them (its join) plus the
-- skew: nothing it pushes with an old code may be dated at or after until_ms. The skew, as in the push's "ahead"
-- rule: the last events written before the join by a console clock a little fast must not be stranded.
CREATE TABLE hotline_login_history_codes (
    login    text NOT NULL REFERENCES hotline_console_logins(login),
    code     text NOT NULL CHECK (code ~ '^[0-9]{2}$' AND code <> '00'),
    until_ms bigint NOT NULL,
    PRIMARY KEY (login, code)
);

-- Called by the joining console (SyncEngine::join) after its history passed the clash check
-- (hotline_clashing_numbers) and the server gave it another code than the one its tickets carry. Only while the
-- login has not completed a pass yet (its floor is unset, schema 7): history is brought once, at the join, never
-- added later. The login's own code is ignored; a code named twice keeps its first time. Answers how many codes
-- were recorded; 0 for a session that is no console's login (the owner's pushes are not checked anyway).
CREATE FUNCTION hotline_join_history_codes(p_codes text[]) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_code  text := hotline_login_console();
    v_floor bigint;
    v_n     integer;
BEGIN
    IF v_code IS NULL THEN
        RETURN 0;
    END IF;
    SELECT l.floor_ms INTO v_floor FROM hotline_console_logins l WHERE l.login = session_user;
    IF v_floor IS NOT NULL THEN
        RAISE EXCEPTION 'console login % completed a pass already: the codes of its history are named only when it '
                        'joins', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM hotline_consoles c WHERE c.code = v_code AND c.install_id NOT LIKE 'reserved:%') THEN
        RAISE EXCEPTION 'console login % has not joined yet', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO hotline_login_history_codes(login, code, until_ms)
    SELECT DISTINCT session_user, c,
           (extract(epoch FROM now()) * 1000)::bigint + hotline_server_setting_ms('max_skew_seconds', 600000)
    FROM unnest(p_codes) AS c WHERE c IS DISTINCT FROM v_code
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RETURN v_n;
END $$;

-- The push of schema 7 with one change to rule 1 (the console code): besides the login's own code, an event may
-- carry one of the login's history codes (hotline_login_history_codes) when it is dated before the login's join
-- and it is the registration of a ticket, or an event of a ticket this login registered under that same code
-- (earlier in this push or already stored), or of the administrative stream (no console's ticket). So a login
-- brings its own history but never writes into another console's tickets under that console's code. Every other
-- rule (skew ahead, floor, actor, history import) is unchanged; the floor is unset until the login's first
-- completed pass, which is when the history goes.
CREATE OR REPLACE FUNCTION hotline_push(p_ids text[], p_tickets text[], p_types text[], p_at bigint[], p_actors text[],
                                        p_consoles text[], p_payloads text[], p_versions smallint[])
RETURNS TABLE(id text, server_seq bigint) LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_login   text := session_user;
    v_code    text := hotline_login_console();
    v_now     bigint := (extract(epoch FROM now()) * 1000)::bigint;
    v_skew    bigint;
    v_floor   bigint;
    v_marked  boolean := false;
    v_imports text[] := '{}';
    v_old     text[] := '{}';
    v_until   bigint;
    v_role    text;
    v_payload jsonb;
    v_last    bigint;
    v_head    bytea;
    v_ords    bigint[] := '{}';
    v_prevs   bytea[] := '{}';
    v_links   bytea[] := '{}';
    r         record;
BEGIN
    IF v_code IS NULL AND NOT hotline_session_is_owner() THEN
        RAISE EXCEPTION 'login % is no console''s login and may not push: ask the server''s owner for one '
                        '(hotlinectl server add-console)', v_login USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT s.last, s.chain INTO v_last, v_head FROM hotline_sequence s WHERE s.id = 1 FOR UPDATE;
    IF v_code IS NOT NULL THEN
        v_skew := hotline_server_setting_ms('max_skew_seconds', 600000);
        SELECT l.floor_ms, l.import_marked INTO v_floor, v_marked FROM hotline_console_logins l
        WHERE l.login = v_login;
    END IF;
    -- The links are sequential, so they are computed one by one; the rows then go in with one INSERT.
    FOR r IN SELECT u.* FROM unnest(p_ids, p_tickets, p_types, p_at, p_actors, p_consoles, p_payloads, p_versions)
                 WITH ORDINALITY AS u(id, ticket_id, type, at_ms, actor, console, payload, version, ord)
             WHERE NOT EXISTS (SELECT 1 FROM hotline_events e WHERE e.id = u.id) ORDER BY u.ord LOOP
        IF v_code IS NOT NULL THEN
            IF r.console IS DISTINCT FROM v_code THEN
                SELECT h.until_ms INTO v_until FROM hotline_login_history_codes h
                WHERE h.login = v_login AND h.code = r.console;
                IF v_until IS NULL THEN
                    PERFORM hotline_refuse_event(r.id, format('it claims console %s, but login %s is console %s',
                                                              r.console, v_login, v_code));
                END IF;
                IF r.at_ms >= v_until THEN
                    PERFORM hotline_refuse_event(r.id, format('it claims console %s, the code of login %s''s history, '
                                                              'but is dated after the login joined', r.console,
                                                              v_login));
                END IF;
                IF r.type = 'registered' THEN
                    -- Never a second registration of a ticket the server has: that would make another's ticket
                    -- "registered by this login".
                    IF EXISTS (SELECT 1 FROM hotline_events e WHERE e.ticket_id = r.ticket_id AND e.type = 'registered')
                    THEN
                        PERFORM hotline_refuse_event(r.id, format('ticket %s is registered already', r.ticket_id));
                    END IF;
                    v_old := array_append(v_old, r.ticket_id || ' ' || r.console);
                ELSIF NOT (r.ticket_id = 'admin' AND r.type = 'admin_changed')
                      AND NOT (r.ticket_id || ' ' || r.console = ANY(v_old) OR EXISTS (
                        SELECT 1 FROM hotline_events e WHERE e.ticket_id = r.ticket_id AND e.type = 'registered'
                        AND e.console = r.console AND e.login = v_login)) THEN
                    PERFORM hotline_refuse_event(r.id, format('ticket %s was not registered under console %s by '
                                                              'login %s: its history is not this login''s',
                                                              r.ticket_id, r.console, v_login));
                END IF;
            END IF;
            IF r.at_ms > v_now + v_skew THEN
                PERFORM hotline_refuse_event(r.id, format('it is dated %s s after the server''s clock (at most %s s '
                                                          'allowed: hotlinectl server config max_skew_seconds)',
                                                          (r.at_ms - v_now) / 1000, v_skew / 1000));
            END IF;
            IF r.actor = 'import' THEN
                IF NOT v_marked THEN
                    PERFORM hotline_refuse_event(r.id, 'a history import needs an administrator''s import marker '
                                                       'first (hotlinectl import tickets writes one)');
                END IF;
                IF r.type = 'registered' THEN
                    v_imports := array_append(v_imports, r.ticket_id);
                ELSIF r.type NOT IN ('dispatched', 'replied', 'callback', 'closed') THEN
                    PERFORM hotline_refuse_event(r.id, format('a history import does not write %s events', r.type));
                ELSIF NOT (r.ticket_id = ANY(v_imports) OR EXISTS (
                        SELECT 1 FROM hotline_events e WHERE e.ticket_id = r.ticket_id AND e.type = 'registered'
                        AND e.actor = 'import')) THEN
                    PERFORM hotline_refuse_event(r.id, format('ticket %s was not registered by a history import',
                                                              r.ticket_id));
                END IF;
            ELSE
                -- The skew again as the margin: a console clock stepped back a little (NTP) must not block it.
                IF v_floor IS NOT NULL AND r.at_ms < v_floor - v_skew AND r.type NOT IN ('reminder_sent', 'overdue') THEN
                    PERFORM hotline_refuse_event(r.id, format('it is dated %s s before console %s''s last completed '
                                                              'push (at most %s s allowed)', (v_floor - r.at_ms) / 1000,
                                                              v_code, v_skew / 1000));
                END IF;
                IF hotline_tool_actor(r.actor) THEN
                    IF NOT hotline_tool_may(r.actor, r.type) THEN
                        PERFORM hotline_refuse_event(r.id, format('%s does not write %s events', r.actor, r.type));
                    END IF;
                ELSE
                    v_role := hotline_user_role(r.actor);
                    -- The server keeps only a user's current row: an event dated before that row's last change
                    -- (an administrator disabled the user or changed the role while this console was offline) is
                    -- judged by nothing newer than itself, and is taken.
                    IF (v_role IS NULL OR NOT hotline_role_may(v_role, r.type)) AND NOT EXISTS (
                            SELECT 1 FROM hotline_reference_rows u WHERE u.tbl = 'users' AND u.key = r.actor
                            AND u.edited_ms > r.at_ms) THEN
                        IF v_role IS NULL THEN
                            PERFORM hotline_refuse_event(r.id, format('actor %s is no enabled user on the server',
                                                                      r.actor));
                        ELSE
                            PERFORM hotline_refuse_event(r.id, format('actor %s (%s) may not write %s events',
                                                                      r.actor, v_role, r.type));
                        END IF;
                    END IF;
                END IF;
                IF r.type = 'admin_changed' AND (hotline_tool_actor(r.actor) OR v_role = 'administrator') THEN
                    BEGIN
                        v_payload := r.payload::jsonb;
                    EXCEPTION WHEN others THEN
                        v_payload := NULL;
                    END;
                    IF v_payload->>'entity' = 'tickets' AND v_payload->>'action' = 'import' AND NOT v_marked THEN
                        v_marked := true;
                        UPDATE hotline_console_logins SET import_marked = true WHERE login = v_login;
                    END IF;
                END IF;
            END IF;
        END IF;
        v_ords := array_append(v_ords, r.ord);
        v_prevs := array_append(v_prevs, v_head);
        v_head := hotline_chain_link(v_head, r.id, r.ticket_id, r.type, r.at_ms, r.actor, r.console, r.version,
                                     r.payload);
        v_links := array_append(v_links, v_head);
    END LOOP;
    IF cardinality(v_ords) > 0 THEN
        INSERT INTO hotline_events(server_seq, id, ticket_id, type, at_ms, actor, console, payload, version,
                                   chain_prev, chain, received_at, login)
        SELECT v_last + c.n, u.id, u.ticket_id, u.type, u.at_ms, u.actor, u.console, u.payload, u.version, c.prev,
               c.link, now(), v_login
        FROM unnest(v_ords, v_prevs, v_links) WITH ORDINALITY AS c(ord, prev, link, n)
        JOIN unnest(p_ids, p_tickets, p_types, p_at, p_actors, p_consoles, p_payloads, p_versions)
             WITH ORDINALITY AS u(id, ticket_id, type, at_ms, actor, console, payload, version, ord) ON u.ord = c.ord;
        UPDATE hotline_sequence SET last = v_last + cardinality(v_ords), chain = v_head WHERE hotline_sequence.id = 1;
        PERFORM pg_notify('hotline_events', (v_last + cardinality(v_ords))::text);
    END IF;
    RETURN QUERY SELECT e.id, e.server_seq FROM hotline_events e WHERE e.id = ANY(p_ids);
END $$;

-- verify --server's findings of schema 7, where an event whose code is one of its login's history codes, dated
-- before that login's join, is no longer a wrong console code (the push checked that it is the login's own).
CREATE OR REPLACE FUNCTION hotline_authority_findings(p_limit integer)
RETURNS TABLE(server_seq bigint, id text, ticket_id text, type text, console text, login text, login_console text,
              at_ms bigint, received_ms bigint, problem text)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    WITH skew AS (SELECT hotline_server_setting_ms('max_skew_seconds', 600000) AS ms),
    e AS (
        SELECT e.server_seq, e.id, e.ticket_id, e.type, e.console, e.login, l.code AS login_console, e.at_ms,
               (extract(epoch FROM e.received_at) * 1000)::bigint AS received_ms, e.actor,
               (l.code IS NOT NULL AND e.console <> l.code AND NOT EXISTS (
                    SELECT 1 FROM hotline_login_history_codes h WHERE h.login = e.login AND h.code = e.console
                    AND e.at_ms < h.until_ms)) AS wrong_code
        FROM hotline_events e LEFT JOIN hotline_console_logins l ON l.login = e.login
    )
    SELECT e.server_seq, e.id, e.ticket_id, e.type, e.console, e.login, e.login_console, e.at_ms, e.received_ms,
           CASE
               WHEN e.wrong_code THEN 'console'
               WHEN e.login_console IS NULL AND NOT EXISTS (SELECT 1 FROM hotline_consoles c WHERE c.code = e.console)
                   THEN 'console'
               WHEN e.at_ms > e.received_ms + skew.ms THEN 'ahead'
               ELSE 'behind'
           END
    FROM e, skew
    WHERE e.wrong_code
       OR (e.login_console IS NULL AND NOT EXISTS (SELECT 1 FROM hotline_consoles c WHERE c.code = e.console))
       OR (e.type NOT IN ('reminder_sent', 'overdue') AND e.actor <> 'import' AND (
               e.at_ms > e.received_ms + skew.ms
            OR (e.login_console IS NULL AND e.at_ms < e.received_ms - skew.ms)))
    ORDER BY e.server_seq
    LIMIT p_limit
$$;

-- CREATE OR REPLACE drops a function's SET clauses: set the search path again (grants are kept).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[]) '
                   'SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hotline_authority_findings(integer) SET search_path = %I, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION hotline_join_history_codes(text[]) SET search_path = %I, pg_temp',
                   current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION hotline_join_history_codes(text[]) FROM PUBLIC;

-- Console logins made before this version may name their history's codes; a login made later gets the right from
-- ConsoleRole's grant list.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles
             WHERE has_function_privilege(oid, 'hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[])', 'EXECUTE')
               AND NOT pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = 'hotline_events'::regclass), 'MEMBER')
               AND NOT rolsuper LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION hotline_join_history_codes(text[]) TO %I', r.rolname);
    END LOOP;
END $$;
