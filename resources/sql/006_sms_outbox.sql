-- Schema version 6: reminders and accountability (PRODUCT §4).
-- The SMS outbox: a reminder or an urge is queued here in the same transaction as its event, so no message is
-- ever lost; it stays pending until the gateway accepts it. The id is deterministic (notify/MessageIds) and is
-- the gateway's "id", so repeats can be dropped there too.
CREATE TABLE sms_outbox (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,                    -- reminder | urge
    ticket_id       TEXT NOT NULL,
    event_id        TEXT NOT NULL,                    -- the reminder_sent / urged event it belongs to
    department      TEXT NOT NULL,                    -- department code
    audience        TEXT NOT NULL,                    -- duty (duty contacts) | head (the department head)
    created_ms      INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | sent_elsewhere
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_ms         INTEGER,
    recipients      TEXT NOT NULL DEFAULT '',         -- as last posted, ';'-separated
    text            TEXT NOT NULL DEFAULT ''          -- as last posted
);
CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_ms) WHERE state = 'pending';
CREATE INDEX sms_outbox_ticket ON sms_outbox(ticket_id);

-- Every attempt, successful or not (PRODUCT §4: every attempt is logged).
CREATE TABLE sms_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    claimant    TEXT NOT NULL,
    outcome     TEXT NOT NULL,   -- sent | http_error | timeout | network | config | held_elsewhere | sent_elsewhere | claim_unavailable
    http_status INTEGER,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sms_attempts_message ON sms_attempts(message_id, id);

-- Local claims (standalone exactly-once): who may POST a message, until when, and whether it went out.
CREATE TABLE sms_claims (
    message_id     TEXT PRIMARY KEY,
    holder         TEXT NOT NULL,
    lease_until_ms INTEGER NOT NULL,
    sent_ms        INTEGER
);

-- Accountability records are the overdue events; supervisors list them by month.
CREATE INDEX events_overdue ON events(at_ms) WHERE type = 'overdue';
