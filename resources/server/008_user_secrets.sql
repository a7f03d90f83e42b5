-- Server schema version 8 (issue 16, part "secrets"): password hashes only the server's functions read.
--
-- A console login can no longer read any password hash (docs/TAMPER-EVIDENCE.md). A console signs a person in
-- against the server in three steps: it asks for the salt and iteration count of the name
-- (hotline_sign_in_parameters), derives the PBKDF2 key from the typed password itself, and sends only that key
-- (hotline_check_password), which answers yes or no. A new hash goes in only through hotline_set_password, with the
-- proof of an administrator's or the user's own current key; a new server takes a seeding console's hashes once
-- (hotline_seed_passwords). The tables below are the owner's: console roles are granted none of them.

CREATE SEQUENCE hotline_user_secret_version;
CREATE TABLE hotline_user_secrets (
    name       text PRIMARY KEY,
    -- pbkdf2-sha256$ITERATIONS$SALT_HEX$KEY_HEX, as the console's PasswordHasher writes it
    hash       text NOT NULL CHECK (hash ~ '^pbkdf2-sha256\$[1-9][0-9]{0,8}\$([0-9a-f]{2})+\$([0-9a-f]{2})+$'),
    version    bigint NOT NULL,        -- nextval('hotline_user_secret_version') at every write: consoles pull by it
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL           -- who proved the change ('' when a console seeded a new server)
);
REVOKE ALL ON hotline_user_secrets FROM PUBLIC;

-- Checks of keys per name, known or not (so a lockout does not tell which names exist): consecutive failures, the
-- lockout they caused, and the last key proved, which hotline_set_password asks for.
CREATE TABLE hotline_sign_in_checks (
    name         text PRIMARY KEY,
    failures     integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    proved_key   text,
    proved_at    timestamptz
);
REVOKE ALL ON hotline_sign_in_checks FROM PUBLIC;

-- A random secret of this server: the made-up salt of a name it does not know is derived from it, so that the
-- answer for such a name is stable and looks like a real one (names cannot be probed by their parameters).
CREATE TABLE hotline_secret_pepper (pepper bytea NOT NULL);
REVOKE ALL ON hotline_secret_pepper FROM PUBLIC;
INSERT INTO hotline_secret_pepper
    VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- The hashes of the old whole-table users document (and of user rows, should any carry one), then none there.
DO $$
BEGIN
    BEGIN
        INSERT INTO hotline_user_secrets(name, hash, version, updated_by)
        SELECT DISTINCT ON (e->>'name') e->>'name', e->>'password_hash', nextval('hotline_user_secret_version'),
               r.updated_by
        FROM hotline_reference r, jsonb_array_elements(r.content::jsonb) e
        WHERE r.name = 'users' AND jsonb_typeof(r.content::jsonb) = 'array' AND jsonb_typeof(e) = 'object'
          AND coalesce(e->>'name', '') <> ''
          AND coalesce(e->>'password_hash', '') ~ '^pbkdf2-sha256\$[1-9][0-9]{0,8}\$([0-9a-f]{2})+\$([0-9a-f]{2})+$'
        ON CONFLICT (name) DO NOTHING;
    EXCEPTION WHEN invalid_text_representation OR data_exception THEN
        RAISE WARNING 'the users document is not JSON; no password hashes taken from it';
    END;
    BEGIN
        INSERT INTO hotline_user_secrets(name, hash, version, updated_by)
        SELECT r.key, r.content::jsonb->>'password_hash', nextval('hotline_user_secret_version'), r.updated_by
        FROM hotline_reference_rows r
        WHERE r.tbl = 'users' AND r.content IS NOT NULL
          AND coalesce(r.content::jsonb->>'password_hash', '') ~ '^pbkdf2-sha256\$[1-9][0-9]{0,8}\$([0-9a-f]{2})+\$([0-9a-f]{2})+$'
        ON CONFLICT (name) DO NOTHING;
    EXCEPTION WHEN invalid_text_representation OR data_exception THEN
        RAISE WARNING 'a users row is not JSON; no password hashes taken from it';
    END;
END $$;

-- Whatever a console writes to the shared reference data, no password hash stays there: in the old users document
-- each one becomes "" (a console of the whole-table kind still finds the column), from a user row it is removed.
CREATE FUNCTION hotline_strip_reference_secrets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'hotline_reference' THEN
        IF NEW.name = 'users' AND NEW.content LIKE '%password_hash%' THEN
            BEGIN
                NEW.content := (SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'object' AND e ? 'password_hash'
                                                              THEN jsonb_set(e, '{password_hash}', '""') ELSE e END
                                                         ORDER BY n), '[]'::jsonb)::text
                                FROM jsonb_array_elements(NEW.content::jsonb) WITH ORDINALITY AS x(e, n));
            EXCEPTION WHEN invalid_text_representation OR data_exception THEN
                RAISE EXCEPTION 'the users document is not a JSON array' USING ERRCODE = 'data_exception';
            END;
        END IF;
    ELSIF NEW.tbl = 'users' AND NEW.content LIKE '%password_hash%' THEN
        BEGIN
            NEW.content := (NEW.content::jsonb - 'password_hash')::text;
        EXCEPTION WHEN invalid_text_representation OR data_exception THEN
            RAISE EXCEPTION 'a users row is not a JSON object' USING ERRCODE = 'data_exception';
        END;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER hotline_reference_no_secrets BEFORE INSERT OR UPDATE ON hotline_reference
    FOR EACH ROW EXECUTE FUNCTION hotline_strip_reference_secrets();
CREATE TRIGGER hotline_reference_rows_no_secrets BEFORE INSERT OR UPDATE ON hotline_reference_rows
    FOR EACH ROW EXECUTE FUNCTION hotline_strip_reference_secrets();
-- Fires the triggers on what is already there.
UPDATE hotline_reference SET content = content WHERE name = 'users';
UPDATE hotline_reference_rows SET content = content WHERE tbl = 'users' AND content IS NOT NULL;

-- Counts a failed check of name's key; after 5 in a row the name is locked for 15 minutes (the console's own
-- defaults, docs/ACCOUNTS.md). True when this failure locked it. Called only by the functions below.
CREATE FUNCTION hotline_count_failed_check(p_name text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    INSERT INTO hotline_sign_in_checks AS c(name, failures) VALUES (p_name, 1)
        ON CONFLICT (name) DO UPDATE SET failures = c.failures + 1, proved_key = NULL, proved_at = NULL
        RETURNING failures INTO n;
    IF n >= 5 THEN
        UPDATE hotline_sign_in_checks SET failures = 0, locked_until = now() + interval '15 minutes' WHERE name = p_name;
        RETURN true;
    END IF;
    RETURN false;
END $$;
REVOKE EXECUTE ON FUNCTION hotline_count_failed_check(text) FROM PUBLIC;

-- The iteration count and salt (hex) a console derives name's key with. A name without a hash here gets the
-- console's usual count and a salt made from this server's pepper: stable, and like a real one.
CREATE FUNCTION hotline_sign_in_parameters(p_name text, OUT iterations integer, OUT salt text)
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
    h text;
BEGIN
    SELECT s.hash INTO h FROM hotline_user_secrets s WHERE s.name = p_name;
    IF h IS NOT NULL THEN
        iterations := split_part(h, '$', 2)::integer;
        salt := split_part(h, '$', 3);
    ELSE
        iterations := 120000; -- PasswordHasher::kIterations
        salt := substr(encode(sha256((SELECT pepper FROM hotline_secret_pepper LIMIT 1)
                                     || convert_to(coalesce(p_name, ''), 'UTF8')), 'hex'), 1, 32);
    END IF;
END $$;

-- Whether key (hex) is name's derived key: accepted (and the hash's version, for the console's record), or not,
-- or locked (nothing compared). Never the hash. Every failure counts toward the lockout, for any name.
CREATE FUNCTION hotline_check_password(p_name text, p_key text, OUT accepted boolean, OUT locked boolean,
                                       OUT version bigint)
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    h text;
BEGIN
    accepted := false;
    locked := false;
    version := 0;
    IF EXISTS (SELECT 1 FROM hotline_sign_in_checks c WHERE c.name = p_name AND c.locked_until > now()) THEN
        locked := true;
        RETURN;
    END IF;
    SELECT s.hash, s.version INTO h, version FROM hotline_user_secrets s WHERE s.name = p_name;
    IF h IS NOT NULL AND split_part(h, '$', 4) = lower(coalesce(p_key, '')) THEN
        INSERT INTO hotline_sign_in_checks AS c(name, failures, proved_key, proved_at)
            VALUES (p_name, 0, lower(p_key), now())
            ON CONFLICT (name) DO UPDATE SET failures = 0, locked_until = NULL, proved_key = lower(p_key),
                                             proved_at = now();
        accepted := true;
        RETURN;
    END IF;
    version := 0;
    locked := hotline_count_failed_check(p_name);
END $$;

-- A user's role for the checks below: the user's row (part "refrows"), or, on a server that has no user rows yet,
-- the old users document.
CREATE FUNCTION hotline_secret_role(p_name text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM hotline_reference_rows WHERE tbl = 'users') THEN hotline_user_role(p_name)
           ELSE (SELECT e->>'role' FROM hotline_reference r, jsonb_array_elements(r.content::jsonb) e
                 WHERE r.name = 'users' AND e->>'name' = p_name AND coalesce((e->>'disabled')::int, 0) = 0
                 LIMIT 1) END
$$;
REVOKE EXECUTE ON FUNCTION hotline_secret_role(text) FROM PUBLIC;

-- Sets name's hash. Allowed when p_by is name or an enabled administrator and p_by_key is p_by's current key as
-- proved by hotline_check_password within the last 10 minutes (the console checks it first, in the same pass).
-- Refusing here cannot count a failure (the refusal rolls back), so nothing is compared without that proof: this
-- function is no way around the lockout. Returns the hash's new version.
CREATE FUNCTION hotline_set_password(p_name text, p_hash text, p_by text, p_by_key text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v bigint;
BEGIN
    IF coalesce(p_hash, '') !~ '^pbkdf2-sha256\$[1-9][0-9]{0,8}\$([0-9a-f]{2})+\$([0-9a-f]{2})+$' THEN
        RAISE EXCEPTION 'not a password hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(p_name, '') = '' THEN
        RAISE EXCEPTION 'no user name' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM hotline_sign_in_checks c JOIN hotline_user_secrets s ON s.name = c.name
                   WHERE c.name = p_by AND c.proved_key = lower(coalesce(p_by_key, ''))
                     AND c.proved_at > now() - interval '10 minutes'
                     AND (c.locked_until IS NULL OR c.locked_until <= now())
                     AND split_part(s.hash, '$', 4) = c.proved_key) THEN
        RAISE EXCEPTION 'the password of % may be set only with the proved current key of that user or of an '
                        'administrator', p_name USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_by <> p_name AND coalesce(hotline_secret_role(p_by), '') <> 'administrator' THEN
        RAISE EXCEPTION '% is no administrator and may set only their own password', p_by
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    v := nextval('hotline_user_secret_version');
    INSERT INTO hotline_user_secrets AS s(name, hash, version, updated_by) VALUES (p_name, p_hash, v, p_by)
        ON CONFLICT (name) DO UPDATE SET hash = EXCLUDED.hash, version = EXCLUDED.version, updated_at = now(),
                                         updated_by = EXCLUDED.updated_by;
    -- The old key proves nothing any more; an administrator's reset also ends a lockout of the name.
    UPDATE hotline_sign_in_checks SET proved_key = NULL, proved_at = NULL,
                                      failures = CASE WHEN p_by <> p_name THEN 0 ELSE failures END,
                                      locked_until = CASE WHEN p_by <> p_name THEN NULL ELSE locked_until END
        WHERE name = p_name;
    RETURN v;
END $$;

-- A new server (no hash at all) takes the hashes of the console that seeds it, so that its first administrator
-- can sign in at other consoles. Refused once the server has any hash.
CREATE FUNCTION hotline_seed_passwords(p_names text[], p_hashes text[]) RETURNS TABLE(name text, version bigint)
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    LOCK TABLE hotline_user_secrets IN EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM hotline_user_secrets) THEN
        RAISE EXCEPTION 'the server has its users'' passwords already; only a new server is seeded'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(array_length(p_names, 1), 0) <> coalesce(array_length(p_hashes, 1), 0) THEN
        RAISE EXCEPTION 'as many names as hashes' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_names, p_hashes) AS x(n, h)
               WHERE coalesce(n, '') = ''
                  OR coalesce(h, '') !~ '^pbkdf2-sha256\$[1-9][0-9]{0,8}\$([0-9a-f]{2})+\$([0-9a-f]{2})+$') THEN
        RAISE EXCEPTION 'not a name and a password hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
        INSERT INTO hotline_user_secrets AS s(name, hash, version, updated_by)
        SELECT x.n, x.h, nextval('hotline_user_secret_version'), '' FROM unnest(p_names, p_hashes) AS x(n, h)
        ON CONFLICT ON CONSTRAINT hotline_user_secrets_pkey DO NOTHING
        RETURNING s.name, s.version;
END $$;

-- Which names' hashes changed after a version (names and versions only): a console forgets its copy of a hash
-- that changed elsewhere, so an old password stops working there too.
CREATE FUNCTION hotline_password_changes(p_after bigint) RETURNS TABLE(name text, version bigint)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT s.name, s.version FROM hotline_user_secrets s WHERE s.version > p_after ORDER BY s.version
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['hotline_count_failed_check(text)', 'hotline_sign_in_parameters(text)',
                             'hotline_check_password(text, text)', 'hotline_secret_role(text)',
                             'hotline_set_password(text, text, text, text)',
                             'hotline_seed_passwords(text[], text[])', 'hotline_password_changes(bigint)',
                             'hotline_strip_reference_secrets()'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END $$;
REVOKE EXECUTE ON FUNCTION hotline_sign_in_parameters(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hotline_check_password(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hotline_set_password(text, text, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hotline_seed_passwords(text[], text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hotline_password_changes(bigint) FROM PUBLIC;

-- Console roles made before this version (they may push events) may sign people in and set passwords through the
-- functions; a role made later gets the same rights from `server init --console-role` (core/sync/ConsoleRole.cpp).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles
             WHERE has_function_privilege(oid, 'hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[])', 'EXECUTE')
               AND NOT pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = 'hotline_events'::regclass), 'MEMBER')
               AND NOT rolsuper LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION hotline_sign_in_parameters(text), hotline_check_password(text, text), '
                       'hotline_set_password(text, text, text, text), hotline_seed_passwords(text[], text[]), '
                       'hotline_password_changes(bigint) TO %I', r.rolname);
    END LOOP;
END $$;
