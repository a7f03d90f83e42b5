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
