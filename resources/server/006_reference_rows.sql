-- Server schema version 6 (issue 16, part "refrows"): shared reference data as one versioned row each, so
-- concurrent additions all survive and concurrent edits of one row are listed as conflicts.
-- The table is defined here (the contract) because the push checks of part "authority" read users' roles from it;
-- part "refrows" adds the functions, the conflicts table and the conversion of the old whole-table documents.

CREATE SEQUENCE hotline_reference_row_version;
CREATE TABLE hotline_reference_rows (
    tbl        text NOT NULL,          -- departments | categories | towns | calendar_days | settings | users
    key        text NOT NULL,          -- the row's primary key in the console's table (code, name, date, key)
    version    bigint NOT NULL,        -- nextval('hotline_reference_row_version') at every write: pull by it
    content    text,                   -- the row as a compact JSON object (no secrets); NULL: deleted
    edited_ms  bigint NOT NULL,        -- when the administrator changed it (the console's clock)
    console    text NOT NULL,          -- the console code, stamped by the server
    updated_by text NOT NULL,          -- the administrator's sign-in name
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tbl, key)
);
CREATE INDEX hotline_reference_rows_version ON hotline_reference_rows(version);

-- A user's role on the server (NULL: no such user, or disabled). Used by the push's checks.
CREATE FUNCTION hotline_user_role(p_name text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT r.content::jsonb->>'role' FROM hotline_reference_rows r
    WHERE r.tbl = 'users' AND r.key = p_name AND r.content IS NOT NULL
      AND coalesce((r.content::jsonb->>'disabled')::int, 0) = 0
$$;

-- The console code of the login that calls (NULL: the owner, or a login that is no console's). Part "authority"
-- replaces this placeholder in 007 with the real mapping of logins to consoles; callers use
-- coalesce(hotline_login_console(), <the code the console says>) until then.
CREATE FUNCTION hotline_login_console() RETURNS text LANGUAGE sql STABLE AS $$ SELECT NULL::text $$;

-- Concurrent edits of one row: the one kept (the later edited_ms) is in hotline_reference_rows, the other is
-- listed here for administrators. Numbered by the same sequence as the rows, so consoles pull both by version.
CREATE TABLE hotline_reference_conflicts (
    version        bigint PRIMARY KEY,     -- nextval('hotline_reference_row_version')
    tbl            text NOT NULL,
    key            text NOT NULL,
    kept_version   bigint NOT NULL,        -- the row's version that was kept
    kept_content   text,                   -- NULL: the kept edit deleted the row
    kept_edited_ms bigint NOT NULL,
    kept_console   text NOT NULL,
    kept_by        text NOT NULL,
    lost_content   text,                   -- NULL: the lost edit deleted the row
    lost_edited_ms bigint NOT NULL,
    lost_console   text NOT NULL,
    lost_by        text NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);

-- The settings a console keeps to itself (mirror of Settings::isSecret in core/storage): never on the server.
CREATE FUNCTION hotline_setting_is_secret(p_key text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT p_key IN ('sms.token')
$$;

-- The column that is each table's key in the console's database.
CREATE FUNCTION hotline_reference_key_column(p_tbl text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_tbl WHEN 'departments' THEN 'code' WHEN 'categories' THEN 'name' WHEN 'towns' THEN 'name'
                      WHEN 'calendar_days' THEN 'date' WHEN 'settings' THEN 'key' WHEN 'users' THEN 'name' END
$$;

-- The only way a console writes reference data (console roles have no INSERT/UPDATE/DELETE on these tables).
-- p_base_version is the row's version the console's edit started from (0: a row it added). When the row is
-- still at that version, the edit is written with the next version. Otherwise another console changed the row
-- meanwhile: the edit with the later p_edited_ms is kept (on a tie, the one already there) and the other one is
-- recorded in hotline_reference_conflicts. An edit equal to what is there changes nothing.
-- Answers the outcome (written | kept: written over a concurrent edit | lost: the one there was kept | same),
-- the row's version now, and (lost, same) the content now there, which the console then takes.
CREATE FUNCTION hotline_put_reference_row(p_tbl text, p_key text, p_base_version bigint, p_content text,
                                          p_edited_ms bigint, p_by text, p_console text)
RETURNS TABLE(outcome text, version bigint, content text) LANGUAGE plpgsql SECURITY DEFINER AS $$
#variable_conflict use_column
DECLARE
    v_console text := coalesce(hotline_login_console(), p_console);
    v_row     jsonb;
    v_cur     hotline_reference_rows%ROWTYPE;
    v_found   boolean;
    v_version bigint;
BEGIN
    IF hotline_reference_key_column(p_tbl) IS NULL THEN
        RAISE EXCEPTION 'not a shared reference table: %', p_tbl USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(p_key, '') = '' OR p_edited_ms IS NULL OR coalesce(p_by, '') = '' OR coalesce(v_console, '') = '' THEN
        RAISE EXCEPTION 'a reference row needs a key, an edit time, an editor and a console'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_tbl = 'settings' AND hotline_setting_is_secret(p_key) THEN
        RAISE EXCEPTION 'the setting % stays on the consoles, never on the server', p_key
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_content IS NOT NULL THEN
        BEGIN
            v_row := p_content::jsonb;
        EXCEPTION WHEN others THEN
            RAISE EXCEPTION 'the % row % is not JSON', p_tbl, p_key USING ERRCODE = 'invalid_text_representation';
        END;
        IF jsonb_typeof(v_row) <> 'object' THEN
            RAISE EXCEPTION 'the % row % is not a JSON object', p_tbl, p_key USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF v_row ? 'password_hash' THEN
            RAISE EXCEPTION 'password hashes never travel with the users rows' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF v_row->>hotline_reference_key_column(p_tbl) IS DISTINCT FROM p_key THEN
            RAISE EXCEPTION 'the % row''s % is not its key %', p_tbl, hotline_reference_key_column(p_tbl), p_key
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;

    -- One writer per row at a time (a row not there yet cannot be locked with FOR UPDATE).
    PERFORM pg_advisory_xact_lock(hashtext('hotline_reference_rows'), hashtext(p_tbl || '/' || p_key));
    SELECT * INTO v_cur FROM hotline_reference_rows r WHERE r.tbl = p_tbl AND r.key = p_key;
    v_found := FOUND;

    IF v_found AND (v_cur.content IS NULL AND p_content IS NULL
                    OR v_cur.content IS NOT NULL AND p_content IS NOT NULL AND v_cur.content::jsonb = v_row) THEN
        RETURN QUERY SELECT 'same'::text, v_cur.version, v_cur.content;
        RETURN;
    END IF;
    IF NOT v_found AND p_content IS NULL THEN
        RETURN QUERY SELECT 'same'::text, 0::bigint, NULL::text; -- deleting what the server never had
        RETURN;
    END IF;

    IF NOT v_found OR v_cur.version = p_base_version OR p_edited_ms > v_cur.edited_ms THEN
        v_version := nextval('hotline_reference_row_version');
        INSERT INTO hotline_reference_rows AS r (tbl, key, version, content, edited_ms, console, updated_by)
        VALUES (p_tbl, p_key, v_version, CASE WHEN p_content IS NULL THEN NULL ELSE v_row::text END, p_edited_ms,
                v_console, p_by)
        ON CONFLICT (tbl, key) DO UPDATE SET version = excluded.version, content = excluded.content,
            edited_ms = excluded.edited_ms, console = excluded.console, updated_by = excluded.updated_by,
            received_at = now();
        PERFORM pg_notify('hotline_events', 'reference');
        IF v_found AND v_cur.version <> p_base_version THEN
            INSERT INTO hotline_reference_conflicts(version, tbl, key, kept_version, kept_content, kept_edited_ms,
                                                    kept_console, kept_by, lost_content, lost_edited_ms,
                                                    lost_console, lost_by)
            VALUES (nextval('hotline_reference_row_version'), p_tbl, p_key, v_version,
                    CASE WHEN p_content IS NULL THEN NULL ELSE v_row::text END, p_edited_ms, v_console, p_by,
                    v_cur.content, v_cur.edited_ms, v_cur.console, v_cur.updated_by);
            RETURN QUERY SELECT 'kept'::text, v_version, NULL::text;
            RETURN;
        END IF;
        RETURN QUERY SELECT 'written'::text, v_version, NULL::text;
        RETURN;
    END IF;

    -- A concurrent edit that is later than this one: it stays, this one is listed.
    INSERT INTO hotline_reference_conflicts(version, tbl, key, kept_version, kept_content, kept_edited_ms,
                                            kept_console, kept_by, lost_content, lost_edited_ms, lost_console, lost_by)
    VALUES (nextval('hotline_reference_row_version'), p_tbl, p_key, v_cur.version, v_cur.content, v_cur.edited_ms,
            v_cur.console, v_cur.updated_by, CASE WHEN p_content IS NULL THEN NULL ELSE v_row::text END, p_edited_ms,
            v_console, p_by);
    PERFORM pg_notify('hotline_events', 'reference');
    RETURN QUERY SELECT 'lost'::text, v_cur.version, v_cur.content;
END $$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_put_reference_row(text, text, bigint, text, bigint, text, text) '
                   'SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION hotline_put_reference_row(text, text, bigint, text, bigint, text, text) FROM PUBLIC;

-- The whole-table documents of server schema 1–5 become rows: users without their password hash, settings
-- without the ones a console keeps to itself. Console "00" (no console has it) and "system" mark the conversion.
-- The documents stay for part "secrets" (008), which takes the password hashes from them and then empties them.
INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, updated_by)
SELECT d.name, e.value->>hotline_reference_key_column(d.name), nextval('hotline_reference_row_version'),
       (CASE WHEN d.name = 'users' THEN e.value - 'password_hash' ELSE e.value END)::text,
       (extract(epoch FROM d.updated_at) * 1000)::bigint,
       CASE WHEN d.updated_by ~ '^[0-9]{2}$' THEN d.updated_by ELSE '00' END, 'system'
FROM hotline_reference d
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.content::jsonb) = 'array'
                                             THEN d.content::jsonb ELSE '[]'::jsonb END) e
WHERE hotline_reference_key_column(d.name) IS NOT NULL
  AND jsonb_typeof(e.value) = 'object'
  AND coalesce(e.value->>hotline_reference_key_column(d.name), '') <> ''
  AND NOT (d.name = 'settings' AND hotline_setting_is_secret(e.value->>'key'))
ON CONFLICT (tbl, key) DO NOTHING;

-- Console roles made before this version: reference data only through the function, no document read or written
-- (they held password hashes and the SMS token); a role made later gets the same from `server init
-- --console-role` (core/sync/ConsoleRole.cpp).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles
             WHERE has_function_privilege(oid, 'hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[])', 'EXECUTE')
               AND NOT pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = 'hotline_events'::regclass), 'MEMBER')
               AND NOT rolsuper LOOP
        EXECUTE format('REVOKE ALL ON hotline_reference, hotline_reference_rows, hotline_reference_conflicts FROM %I', r.rolname);
        EXECUTE format('REVOKE ALL ON SEQUENCE hotline_reference_version, hotline_reference_row_version FROM %I', r.rolname);
        EXECUTE format('GRANT SELECT ON hotline_reference_rows, hotline_reference_conflicts TO %I', r.rolname);
        EXECUTE format('GRANT EXECUTE ON FUNCTION hotline_put_reference_row(text, text, bigint, text, bigint, text, text) TO %I', r.rolname);
    END LOOP;
END $$;
