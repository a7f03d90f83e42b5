-- Server schema version 7 (issue 16, part "authority"): one login per console, stamped and checked on every
-- push (docs/TAMPER-EVIDENCE.md, "The server is the authority"). The server no longer believes what a console
-- says about itself: the console code comes from the login, the receive time and the login are the server's,
-- an event dated too far ahead of the server's clock or before the console's last completed push is refused,
-- and the actor must be a user on the server whose role may do that event.

-- The server's own settings, editable by the owner only (`hotlinectl server config`). A console login reads
-- none of it directly; the push reads it as the owner.
CREATE TABLE hotline_server_settings (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- How far ahead of the server's clock an event may be dated (seconds): a console's clock may be a little fast.
INSERT INTO hotline_server_settings(key, value) VALUES ('max_skew_seconds', '600');

CREATE FUNCTION hotline_server_setting_ms(p_key text, p_default bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT s.value::bigint * 1000 FROM hotline_server_settings s WHERE s.key = p_key), p_default)
$$;

-- One LOGIN role per console (`hotlinectl server add-console NAME`), bound to one console code. A removed
-- login keeps its row (its events keep naming it); its code is never handed to another installation unless the
-- owner binds a new login to it on purpose (`add-console NEW --code CC`).
CREATE TABLE hotline_console_logins (
    login      text PRIMARY KEY,
    code       text NOT NULL CHECK (code ~ '^[0-9]{2}$' AND code <> '00'),
    added_at   timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz,
    -- The console's own clock at the start of its last completed pass, never lowered (hotline_console_floor):
    -- nothing it pushes later may be dated before it. NULL until the first completed pass, so a console that
    -- joins with history can bring it.
    floor_ms   bigint,
    -- Set when an administrator's history-import marker from this login passed the push (rule 5 below): read
    -- here, so that a push never searches the event log for it.
    import_marked boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX hotline_console_logins_code ON hotline_console_logins(code) WHERE removed_at IS NULL;

-- Who pushed each event (the session's login) beside what the console said; received_at (schema 1) is the
-- server's receive time, now always set by the push itself. Neither is part of the chain (hotline_chain_link):
-- they are the server's testimony, not the console's.
ALTER TABLE hotline_events ADD COLUMN login text;

-- The real mapping (replacing 006's placeholder): the code of the calling session's console login; NULL for
-- the owner, a removed login, and any other login (the shared console role of versions before 0.8).
-- SECURITY DEFINER so that a login needs no right on hotline_console_logins; session_user, not current_user, so
-- that it names the login even when called from another SECURITY DEFINER function.
CREATE OR REPLACE FUNCTION hotline_login_console() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT l.code FROM hotline_console_logins l WHERE l.login = session_user AND l.removed_at IS NULL
$$;

-- Whether the calling session is the owner of the Hotline tables (or a superuser): its pushes are not checked
-- (it could switch any check off anyway); `verify --server` reports what it wrote that breaks the rules.
CREATE FUNCTION hotline_session_is_owner() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT r.rolsuper OR pg_has_role(r.oid, c.relowner, 'MEMBER')
    FROM pg_roles r, pg_class c WHERE r.rolname = session_user AND c.oid = 'hotline_events'::regclass
$$;

-- Which event types a role may write: core/auth/Permissions (Permissions::actionFor and the role table),
-- mirrored. admin_changed: every write path checks its own Manage… action on the console (and part "refrows"
-- checks reference rows on the server); a user changing their own password writes one too, so any known user.
-- reminder_sent and overdue are the system's alone. A new event type is refused until it is added here.
CREATE FUNCTION hotline_role_may(p_role text, p_type text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_type
        WHEN 'registered' THEN p_role IN ('calltaker', 'dispatcher', 'administrator')
        WHEN 'citizen_sms_changed' THEN p_role IN ('calltaker', 'dispatcher', 'administrator')
        WHEN 'dispatched' THEN p_role IN ('dispatcher', 'administrator')
        WHEN 'signed' THEN p_role = 'liaison'
        WHEN 'replied' THEN p_role = 'liaison'
        WHEN 'extension_requested' THEN p_role = 'liaison'
        WHEN 'returned' THEN p_role = 'liaison'
        WHEN 'extension_approved' THEN p_role IN ('dispatcher', 'administrator')
        WHEN 'extension_refused' THEN p_role IN ('dispatcher', 'administrator')
        WHEN 'transferred' THEN p_role IN ('dispatcher', 'administrator')
        WHEN 'urged' THEN p_role IN ('supervisor', 'administrator')
        WHEN 'callback' THEN p_role IN ('calltaker', 'dispatcher', 'administrator')
        WHEN 'closed' THEN p_role IN ('calltaker', 'dispatcher', 'administrator')
        WHEN 'reopened' THEN p_role IN ('dispatcher', 'administrator')
        WHEN 'deadline_redecided' THEN p_role = 'administrator'
        WHEN 'followed_up' THEN p_role IN ('calltaker', 'dispatcher', 'supervisor', 'administrator')
        WHEN 'attached' THEN p_role IN ('calltaker', 'dispatcher', 'liaison', 'administrator')
        WHEN 'merged' THEN p_role IN ('dispatcher', 'administrator')
        WHEN 'renumbered' THEN p_role IN ('dispatcher', 'administrator') -- part "clash" (Action::Renumber)
        WHEN 'admin_changed' THEN p_role IS NOT NULL
        ELSE false
    END
$$;

-- The programs that act on a console machine without a person: hotlinectl (`hotlinectl`, or `hotlinectl (os
-- account)` on the administrative record), the electronic channels (`intake:TOKEN`) and the system itself.
CREATE FUNCTION hotline_tool_actor(p_actor text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT p_actor = 'system' OR p_actor = 'hotlinectl' OR p_actor LIKE 'hotlinectl (%)' OR p_actor LIKE 'intake:%'
$$;

-- What a tool actor may write: the escalator's reminders and overdue marks (`system` only), the
-- administrative record, tickets registered by the electronic channels or an interview import, with their
-- files and SMS choice.
CREATE FUNCTION hotline_tool_may(p_actor text, p_type text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_type IN ('reminder_sent', 'overdue') THEN p_actor = 'system'
        ELSE p_type IN ('admin_changed', 'registered', 'attached', 'citizen_sms_changed')
    END
$$;

-- Refuses one event of a push (nothing of the push is stored: the whole call is one transaction).
CREATE FUNCTION hotline_refuse_event(p_id text, p_why text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event % refused: %', p_id, p_why USING ERRCODE = 'insufficient_privilege';
END $$;

-- The push, with the server's checks (a console login's events only; the owner's go in as before and are
-- reported by `verify --server` when they break the rules). Same signature, chaining and notification as in
-- schema 3; the rows also record the login.
--   1. the console code must be the login's;
--   2. no event dated more than max_skew_seconds after the server's clock;
--   3. no event dated before the login's floor (its last completed pass) by more than the skew, except the
--      escalator's reminders and overdue marks (dated by the ticket's deadline, the same on every console) and
--      a history import;
--   4. the actor: a user known and enabled on the server (hotline_user_role) whose role may write this type
--      (or whose row changed after the event's time), or a tool actor (hotline_tool_may), or `import` for a
--      history import;
--   5. a history import (actor `import`): only after an administrator's import marker from the same login
--      (an admin_changed event, entity "tickets", action "import", earlier in this push or already stored), and
--      only for tickets registered by the import itself, so it can add old tickets but never touch a live one.
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
                PERFORM hotline_refuse_event(r.id, format('it claims console %s, but login %s is console %s',
                                                          r.console, v_login, v_code));
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

-- The console advances its floor at the end of every completed pass, to the earliest time anything it has yet
-- to push can carry (its clock at the start of the pass, or an older event still waiting). Never lowered, never
-- beyond the server's clock; NULL (nothing done) for a login that is no console's.
CREATE FUNCTION hotline_console_floor(p_floor_ms bigint) RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$
    UPDATE hotline_console_logins l
    SET floor_ms = greatest(l.floor_ms, least(p_floor_ms, (extract(epoch FROM now()) * 1000)::bigint))
    WHERE l.login = session_user AND l.removed_at IS NULL
    RETURNING l.floor_ms
$$;

-- Join for a console login: its installation takes the login's code. The code was reserved by add-console (an
-- install id `reserved:LOGIN`) or belongs to the installation that already joined with it (a rejoin, or an
-- upgrade from the shared role: `add-console NAME --code CC` binds the login to the console that has CC). A
-- second installation with the same login is refused: two databases numbering tickets with one code would
-- clash. NULL for a login that is no console's (the caller then joins the old way).
CREATE FUNCTION hotline_join_console(p_install_id text, p_name text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_code   text := hotline_login_console();
    v_holder text;
    v_other  text;
BEGIN
    IF v_code IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7312346);
    SELECT c.install_id INTO v_holder FROM hotline_consoles c WHERE c.code = v_code;
    IF v_holder = p_install_id THEN
        RETURN v_code;
    END IF;
    IF v_holder IS NOT NULL AND v_holder NOT LIKE 'reserved:%' THEN
        RAISE EXCEPTION 'console login % (code %) already belongs to another installation; one login serves one '
                        'console: ask the server''s owner for another (hotlinectl server add-console)',
                        session_user, v_code USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT c.code INTO v_other FROM hotline_consoles c WHERE c.install_id = p_install_id;
    IF v_other IS NOT NULL THEN
        RAISE EXCEPTION 'this installation joined as console % before; ask the server''s owner to bind login % to '
                        'it (hotlinectl server add-console % --code %)', v_other, session_user, session_user, v_other
                        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_holder IS NULL THEN
        INSERT INTO hotline_consoles(code, install_id, name) VALUES (v_code, p_install_id, p_name);
    ELSE
        UPDATE hotline_consoles SET install_id = p_install_id, name = p_name, joined_at = now() WHERE code = v_code;
    END IF;
    RETURN v_code;
END $$;

-- What `verify --server` reports besides the chain: events whose console code is not their login's (or, for
-- events no console login pushed, not a console's at all), and events whose own time is far from the server's
-- receive time: dated ahead of it beyond the skew (any event), or behind it beyond the skew for events the
-- checks did not see (pushed before schema 7, or by the owner). Reminders, overdue marks and history imports
-- carry old dates by design and are left out of the time rule.
CREATE FUNCTION hotline_authority_findings(p_limit integer)
RETURNS TABLE(server_seq bigint, id text, ticket_id text, type text, console text, login text, login_console text,
              at_ms bigint, received_ms bigint, problem text)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    WITH skew AS (SELECT hotline_server_setting_ms('max_skew_seconds', 600000) AS ms),
    e AS (
        SELECT e.server_seq, e.id, e.ticket_id, e.type, e.console, e.login, l.code AS login_console, e.at_ms,
               (extract(epoch FROM e.received_at) * 1000)::bigint AS received_ms, e.actor
        FROM hotline_events e LEFT JOIN hotline_console_logins l ON l.login = e.login
    )
    SELECT e.server_seq, e.id, e.ticket_id, e.type, e.console, e.login, e.login_console, e.at_ms, e.received_ms,
           CASE
               WHEN e.login_console IS NOT NULL AND e.console <> e.login_console THEN 'console'
               WHEN e.login_console IS NULL AND NOT EXISTS (SELECT 1 FROM hotline_consoles c WHERE c.code = e.console)
                   THEN 'console'
               WHEN e.at_ms > e.received_ms + skew.ms THEN 'ahead'
               ELSE 'behind'
           END
    FROM e, skew
    WHERE (e.login_console IS NOT NULL AND e.console <> e.login_console)
       OR (e.login_console IS NULL AND NOT EXISTS (SELECT 1 FROM hotline_consoles c WHERE c.code = e.console))
       OR (e.type NOT IN ('reminder_sent', 'overdue') AND e.actor <> 'import' AND (
               e.at_ms > e.received_ms + skew.ms
            OR (e.login_console IS NULL AND e.at_ms < e.received_ms - skew.ms)))
    ORDER BY e.server_seq
    LIMIT p_limit
$$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[]) '
                   'SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hotline_login_console() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hotline_session_is_owner() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hotline_console_floor(bigint) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hotline_join_console(text, text) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hotline_authority_findings(integer) SET search_path = %I, pg_temp',
                   current_schema());
END $$;
-- Console logins get these through ConsoleRole's grant list; nobody else.
REVOKE EXECUTE ON FUNCTION hotline_console_floor(bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hotline_join_console(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hotline_authority_findings(integer) FROM PUBLIC;
