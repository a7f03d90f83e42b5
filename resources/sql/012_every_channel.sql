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

-- Same incident, many callers (merge): registration's suggestions read open, unmerged tickets of one category
-- and town registered within merge.window_days, newest first.
CREATE INDEX tickets_incident ON tickets(category, town, registered_ms) WHERE closed_ms IS NULL AND parent_id IS NULL;

-- Search everything (issue 15, search): the text of each ticket (summary, details, address, the latest reply) in an
-- FTS5 trigram index, for Chinese without word breaks (queries of 3+ characters; shorter words scan its text
-- newest first). Kept explicitly by TicketSearchIndex where TicketTable::save writes a ticket whose text changed:
-- tickets rows are replaced on every save (their rowid changes), so no external content. The rowid is
-- registered_ms * 2^20 + a slot (a hash of the ticket id, probed linearly): stable, and ordered by registration.
CREATE VIRTUAL TABLE ticket_search USING fts5(ticket_id UNINDEXED, body, tokenize = 'trigram');

-- Micro-interview import (interview): each imported question's key (SHA-256 of its text, netizen and time), so
-- importing the same file again, or a corrected copy of it, adds only the questions not yet in.
CREATE TABLE interview_questions (
    key         TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL,
    number      TEXT NOT NULL,
    imported_ms INTEGER NOT NULL
);

-- Intake service (hotlinectl serve): what the first request with a key carried (SHA-256 hex of its fields),
-- so a retry with the same key but other content is refused instead of answered with the first ticket.
ALTER TABLE intake_keys ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';

-- SMS to the citizen (CitizenNotifier): the event log is read from this mark on; history before the upgrade
-- calls for no SMS.
INSERT OR REPLACE INTO meta(key, value) SELECT 'notify.event_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM events;
