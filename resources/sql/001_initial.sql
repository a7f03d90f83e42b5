-- Schema version 1. Forward-only: a later change is a new file 00N_*.sql, never an edit of this one.
-- Instants are INTEGER milliseconds since the Unix epoch, UTC. SLA deadlines are INTEGER seconds (UTC).

-- Key/value facts about this replica (console code, database id).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Operator settings (hotlinectl config get|set): sla.*, sms.*, centre.*.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The truth: an append-only log. Rows are never updated or deleted (triggers below refuse it),
-- except server_seq which sync fills in once.
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,  -- local arrival order
    id         TEXT NOT NULL UNIQUE,               -- globally unique (UUID)
    ticket_id  TEXT NOT NULL,
    type       TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    console    TEXT NOT NULL,
    payload    TEXT NOT NULL,                      -- JSON object, compact
    hash       TEXT NOT NULL,                      -- SHA-256 over the previous hash and this event (tamper evidence)
    server_seq INTEGER                             -- set once the shared server has accepted it
);
CREATE INDEX events_ticket ON events(ticket_id, seq);
CREATE TRIGGER events_no_update BEFORE UPDATE OF id, ticket_id, type, at_ms, actor, console, payload, hash ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Reference data.
CREATE TABLE departments (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    duty_phones TEXT NOT NULL DEFAULT '',   -- ';'-separated mobile numbers
    head_phone  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE categories (
    name            TEXT PRIMARY KEY,
    sla_class       TEXT,                    -- NULL: follow the ticket type
    department_code TEXT                     -- suggested department
);
CREATE TABLE towns (
    name TEXT PRIMARY KEY
);
-- Working calendar overrides keyed by date (PRODUCT §3).
CREATE TABLE calendar_days (
    date       TEXT PRIMARY KEY,             -- YYYY-MM-DD
    is_off_day INTEGER NOT NULL,
    name       TEXT NOT NULL DEFAULT ''
);
-- Per-console daily ticket number sequence.
CREATE TABLE number_sequence (
    day  TEXT PRIMARY KEY,                   -- YYMMDD in the centre's zone
    last INTEGER NOT NULL
);

-- Projection: the current state of every ticket, derived from events (rebuildable).
CREATE TABLE tickets (
    id               TEXT PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    channel          TEXT NOT NULL,
    type             TEXT NOT NULL,
    sla_class        TEXT NOT NULL,
    category         TEXT NOT NULL DEFAULT '',
    town             TEXT NOT NULL DEFAULT '',
    caller_name      TEXT NOT NULL DEFAULT '',
    caller_phone     TEXT NOT NULL DEFAULT '',
    summary          TEXT NOT NULL DEFAULT '',
    details          TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL,
    department       TEXT,                    -- code of the latest dispatch
    registered_ms    INTEGER NOT NULL,
    dispatched_ms    INTEGER,                 -- latest dispatch (the running clock's start)
    deadline_s       INTEGER,                 -- deadline in force, seconds UTC
    extension_days   INTEGER NOT NULL DEFAULT 0,
    extension_pending INTEGER NOT NULL DEFAULT 0,
    signed_ms        INTEGER,
    replied_ms       INTEGER,
    reply_on_time    INTEGER,                 -- 1/0 once replied
    closed_ms        INTEGER,
    on_time          INTEGER,                 -- 1/0 once closed (closed at intake counts as on time)
    satisfaction     TEXT,                    -- latest callback answer
    reminder_sent    INTEGER NOT NULL DEFAULT 0,
    overdue_opened   INTEGER NOT NULL DEFAULT 0,
    urged            INTEGER NOT NULL DEFAULT 0,
    last_seq         INTEGER NOT NULL
);
CREATE INDEX tickets_registered ON tickets(registered_ms);
CREATE INDEX tickets_closed ON tickets(closed_ms);
CREATE INDEX tickets_open_deadline ON tickets(deadline_s) WHERE closed_ms IS NULL AND replied_ms IS NULL AND deadline_s IS NOT NULL;
CREATE INDEX tickets_caller ON tickets(caller_phone) WHERE caller_phone <> '';
CREATE INDEX tickets_department ON tickets(department);

-- Projection: every dispatch (report "dispatched" per department).
CREATE TABLE dispatches (
    event_id   TEXT PRIMARY KEY,
    ticket_id  TEXT NOT NULL,
    department TEXT NOT NULL,
    at_ms      INTEGER NOT NULL
);
CREATE INDEX dispatches_at ON dispatches(at_ms);

-- Projection: every callback with an answer (report "surveyed").
CREATE TABLE callbacks (
    event_id     TEXT PRIMARY KEY,
    ticket_id    TEXT NOT NULL,
    at_ms        INTEGER NOT NULL,
    satisfaction TEXT NOT NULL
);
CREATE INDEX callbacks_at ON callbacks(at_ms);
