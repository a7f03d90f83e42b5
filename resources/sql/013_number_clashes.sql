-- Schema version 13 (issue 16, part "clash"): a ticket number may name two tickets after sync (two consoles that
-- numbered alike, e.g. both imported history with an overlapping number). Both stay whole in the projection; the
-- clash (a number with more than one ticket) is listed for a dispatcher, who renumbers one (a renumbered event).

-- The tickets projection without UNIQUE on number: with it, saving the second ticket of a number deleted the first
-- row (INSERT OR REPLACE), silently. SQLite cannot drop a constraint, so the table is made again with every column,
-- default and index it had (taken from a database migrated to schema 12); its rows are derived again from the
-- events right after this migration (Database.cpp, kRefoldAfter), which also brings back tickets lost that way.
DROP TABLE tickets;
CREATE TABLE tickets (
    id               TEXT PRIMARY KEY,
    number           TEXT NOT NULL,
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
    department       TEXT,
    registered_ms    INTEGER NOT NULL,
    dispatched_ms    INTEGER,
    deadline_s       INTEGER,
    extension_days   INTEGER NOT NULL DEFAULT 0,
    extension_pending INTEGER NOT NULL DEFAULT 0,
    signed_ms        INTEGER,
    replied_ms       INTEGER,
    reply_on_time    INTEGER,
    closed_ms        INTEGER,
    on_time          INTEGER,
    satisfaction     TEXT,
    reminder_sent    INTEGER NOT NULL DEFAULT 0,
    overdue_opened   INTEGER NOT NULL DEFAULT 0,
    urged            INTEGER NOT NULL DEFAULT 0,
    last_seq         INTEGER NOT NULL,
    clock_id         TEXT,
    extension_requested_ms INTEGER,
    breached         INTEGER NOT NULL DEFAULT 0,
    stage_since_ms   INTEGER,
    address          TEXT NOT NULL DEFAULT '',
    latitude         REAL,
    longitude        REAL,
    reply_text       TEXT NOT NULL DEFAULT '',
    parent_id        TEXT,
    citizen_sms      INTEGER NOT NULL DEFAULT 1,
    follow_ups       INTEGER NOT NULL DEFAULT 0,
    attachments      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_caller ON tickets(caller_phone) WHERE caller_phone <> '';
CREATE INDEX tickets_department ON tickets(department);
CREATE INDEX tickets_overdue ON tickets(closed_ms, deadline_s, department)
    WHERE deadline_s IS NOT NULL AND reply_on_time IS NOT 1;
CREATE INDEX tickets_registered ON tickets(registered_ms, department);
CREATE INDEX tickets_closed ON tickets(closed_ms, department, on_time);
CREATE INDEX tickets_open_deadline ON tickets(deadline_s, number)
    WHERE closed_ms IS NULL AND replied_ms IS NULL AND deadline_s IS NOT NULL;
CREATE INDEX tickets_stage ON tickets(stage_since_ms, number) WHERE stage_since_ms IS NOT NULL AND closed_ms IS NULL;
CREATE INDEX tickets_parent ON tickets(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX tickets_incident ON tickets(category, town, registered_ms) WHERE closed_ms IS NULL AND parent_id IS NULL;
-- Lookups by number (hotlinectl, search, intake) and the clash list (numbers with more than one ticket).
CREATE INDEX tickets_number ON tickets(number);

-- The numbers a ticket had before it was renumbered, so the old number (read to a caller, printed on a letter)
-- still finds it. Kept from the renumbered events themselves as they are stored (local or pulled), not by the fold:
-- they are facts of the log, the same on every console, and `rebuild` leaves them as they are.
CREATE TABLE ticket_former_numbers (
    event_id   TEXT PRIMARY KEY,              -- the renumbered event
    number     TEXT NOT NULL,                 -- the number it had
    ticket_id  TEXT NOT NULL,
    at_ms      INTEGER NOT NULL               -- when it was renumbered
);
CREATE INDEX ticket_former_numbers_number ON ticket_former_numbers(number);
CREATE INDEX ticket_former_numbers_ticket ON ticket_former_numbers(ticket_id);
CREATE TRIGGER events_former_number AFTER INSERT ON events WHEN NEW.type = 'renumbered'
BEGIN
    INSERT OR IGNORE INTO ticket_former_numbers(event_id, number, ticket_id, at_ms)
    SELECT NEW.id, json_extract(NEW.payload, '$.from'), NEW.ticket_id, NEW.at_ms
    WHERE json_valid(NEW.payload) AND coalesce(json_extract(NEW.payload, '$.from'), '') <> '';
END;
