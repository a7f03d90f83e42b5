-- Schema version 8: the access log of full caller views (PRODUCT §8 "Private"; docs/PRIVACY.md).
-- One row each time someone is shown a caller's full name and number: an explicit "Show number" on one ticket
-- (kind 'view') or an unmasked ticket export (kind 'export', one row per file). Written by core/privacy only;
-- kept on this console (not synced). Append-only like the event log: nobody, not even an administrator, can
-- edit or remove a row from the program.
CREATE TABLE access_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms         INTEGER NOT NULL,               -- when, ms since the epoch (UTC)
    kind          TEXT NOT NULL,                  -- view | export
    user          TEXT NOT NULL,                  -- sign-in name; hotlinectl: the operating-system user
    role          TEXT NOT NULL,                  -- role code at the time (calltaker, dispatcher, …, system)
    console       TEXT NOT NULL DEFAULT '',       -- console code
    ticket_id     TEXT NOT NULL DEFAULT '',       -- view: the ticket
    ticket_number TEXT NOT NULL DEFAULT '',
    tickets       INTEGER NOT NULL DEFAULT 1,     -- how many tickets' callers were seen (export: rows written)
    detail        TEXT NOT NULL DEFAULT ''        -- export: period and file
);
CREATE INDEX access_log_at ON access_log(at_ms);
CREATE INDEX access_log_user ON access_log(user, at_ms);
CREATE INDEX access_log_ticket ON access_log(ticket_number);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
