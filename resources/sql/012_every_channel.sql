-- Schema version 12: every channel in, every citizen answered (issue 15, PRODUCT §2, §4).

-- Ticket projection columns, filled by the fold (the refold after this migration fills reply_text from history):
--   address, latitude, longitude  the place of the matter (registration; coordinates optional, WGS-84 degrees)
--   reply_text                    the department's latest reply (search, the public progress page)
--   parent_id                     merged into this ticket: it follows the parent (same incident, many callers)
--   citizen_sms                   1 unless the caller opted out of SMS about this ticket
--   follow_ups                    progress calls (催办) recorded from the citizen
--   attachments                   files attached so far
ALTER TABLE tickets ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN latitude REAL;
ALTER TABLE tickets ADD COLUMN longitude REAL;
ALTER TABLE tickets ADD COLUMN reply_text TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN parent_id TEXT;
ALTER TABLE tickets ADD COLUMN citizen_sms INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tickets ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN attachments INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tickets_parent ON tickets(parent_id) WHERE parent_id IS NOT NULL;

-- Progress calls while a department's clock ran count against that department (reports).
ALTER TABLE dispatches ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 0;

-- Integrations of the electronic channels (hotlinectl serve): one token per integration, only its hash is kept.
CREATE TABLE intake_tokens (
    name       TEXT PRIMARY KEY,
    channel    TEXT NOT NULL,                 -- web | wechat | weibo | petition | interview
    token_hash TEXT NOT NULL UNIQUE,          -- SHA-256 hex of the token
    created_ms INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    revoked_ms INTEGER
);

-- Idempotency keys: a retried POST with the same key returns the ticket the first one created.
CREATE TABLE intake_keys (
    token_name TEXT NOT NULL,
    key        TEXT NOT NULL,
    ticket_id  TEXT NOT NULL,
    number     TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (token_name, key)
);

-- Attachments: the bytes once per content hash; each Attached event's row names the ticket and the file.
CREATE TABLE attachment_blobs (
    hash       TEXT PRIMARY KEY,              -- SHA-256 hex of the content
    size       INTEGER NOT NULL,
    data       BLOB NOT NULL
);
CREATE TABLE ticket_attachments (
    event_id   TEXT PRIMARY KEY,              -- the Attached event
    ticket_id  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    mime_type  TEXT NOT NULL DEFAULT '',
    size       INTEGER NOT NULL,
    stage      TEXT NOT NULL DEFAULT '',      -- registration | before | after | document
    actor      TEXT NOT NULL,
    at_ms      INTEGER NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments(ticket_id, at_ms);

-- SMS to the citizen (CitizenNotifier): the event log is read from this mark on; history before the upgrade
-- calls for no SMS.
INSERT OR REPLACE INTO meta(key, value) SELECT 'notify.event_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM events;
