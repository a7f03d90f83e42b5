-- Server schema version 4: attachments (issue 15). The bytes of photos and documents, once per SHA-256 of their
-- content. The Attached event that names a file carries this hash and is chained like every event, so the log
-- vouches for the bytes: a console checks the hash of every blob it pulls and refuses one that does not match.

CREATE TABLE hotline_attachment_blobs (
    hash        text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    size        bigint NOT NULL,
    data        bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only like the events: a blob, once there, is never changed or removed.
CREATE FUNCTION hotline_refuse_blob_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hotline_attachment_blobs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER hotline_attachment_blobs_no_update BEFORE UPDATE OR DELETE ON hotline_attachment_blobs
    FOR EACH ROW EXECUTE FUNCTION hotline_refuse_blob_change();
CREATE TRIGGER hotline_attachment_blobs_no_truncate BEFORE TRUNCATE ON hotline_attachment_blobs
    FOR EACH STATEMENT EXECUTE FUNCTION hotline_refuse_blob_change();

-- A console stores a blob only through this function, which checks that the content matches its hash (a console
-- cannot put other bytes under a hash). Storing one already there does nothing. SECURITY DEFINER with a fixed
-- search_path, like hotline_push.
CREATE FUNCTION hotline_put_blob(p_hash text, p_data bytea) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF encode(sha256(p_data), 'hex') <> p_hash THEN
        RAISE EXCEPTION 'attachment content does not match its hash %', p_hash USING ERRCODE = 'data_exception';
    END IF;
    INSERT INTO hotline_attachment_blobs(hash, size, data) VALUES (p_hash, octet_length(p_data), p_data)
        ON CONFLICT (hash) DO NOTHING;
    RETURN FOUND;
END $$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hotline_put_blob(text, bytea) SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION hotline_put_blob(text, bytea) FROM PUBLIC;

-- Console roles made before this version (they may push events) may also store and read blobs; a role made later
-- gets the same rights from `server init --console-role` (core/sync/ConsoleRole.cpp).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles
             WHERE has_function_privilege(oid, 'hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[])', 'EXECUTE')
               AND NOT pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = 'hotline_events'::regclass), 'MEMBER')
               AND NOT rolsuper LOOP
        EXECUTE format('GRANT SELECT ON hotline_attachment_blobs TO %I', r.rolname);
        EXECUTE format('GRANT EXECUTE ON FUNCTION hotline_put_blob(text, bytea) TO %I', r.rolname);
    END LOOP;
END $$;
