-- Schema version 5: shared-server sync (PRODUCT §5).
-- The outbox is every local event the server has not acknowledged yet (server_seq IS NULL): written in the
-- same transaction as the event itself, so nothing can be recorded without being queued. This partial index
-- is the outbox's queue order.
CREATE INDEX events_outbox ON events(seq) WHERE server_seq IS NULL;
CREATE INDEX events_server_seq ON events(server_seq) WHERE server_seq IS NOT NULL;

-- A ticket refolded in server order drops and rebuilds its side rows.
CREATE INDEX dispatches_ticket ON dispatches(ticket_id);
CREATE INDEX callbacks_ticket ON callbacks(ticket_id);

-- Actions that were valid where they were taken but no longer apply in the shared (server) order, e.g. two
-- dispatchers dispatching the same ticket at once. Every console derives the same list; dispatchers see it.
CREATE TABLE sync_conflicts (
    event_id    TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL,
    type        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    console     TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    detected_ms INTEGER NOT NULL,
    seen        INTEGER NOT NULL DEFAULT 0     -- a dispatcher acknowledged it
);
CREATE INDEX sync_conflicts_ticket ON sync_conflicts(ticket_id);

-- Shared reference data travels as whole-table documents (last writer wins per table). A change made here
-- marks its table for the next push; applying a document pulled from the server clears the mark again.
-- (Not INSERT OR IGNORE: an outer upsert or OR REPLACE would override the trigger's conflict clause.)
CREATE TABLE sync_reference_dirty (
    name TEXT PRIMARY KEY
);
CREATE TRIGGER departments_dirty_insert AFTER INSERT ON departments BEGIN INSERT INTO sync_reference_dirty SELECT 'departments' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'departments'); END;
CREATE TRIGGER departments_dirty_update AFTER UPDATE ON departments BEGIN INSERT INTO sync_reference_dirty SELECT 'departments' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'departments'); END;
CREATE TRIGGER departments_dirty_delete AFTER DELETE ON departments BEGIN INSERT INTO sync_reference_dirty SELECT 'departments' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'departments'); END;
CREATE TRIGGER categories_dirty_insert AFTER INSERT ON categories BEGIN INSERT INTO sync_reference_dirty SELECT 'categories' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'categories'); END;
CREATE TRIGGER categories_dirty_update AFTER UPDATE ON categories BEGIN INSERT INTO sync_reference_dirty SELECT 'categories' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'categories'); END;
CREATE TRIGGER categories_dirty_delete AFTER DELETE ON categories BEGIN INSERT INTO sync_reference_dirty SELECT 'categories' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'categories'); END;
CREATE TRIGGER towns_dirty_insert AFTER INSERT ON towns BEGIN INSERT INTO sync_reference_dirty SELECT 'towns' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'towns'); END;
CREATE TRIGGER towns_dirty_update AFTER UPDATE ON towns BEGIN INSERT INTO sync_reference_dirty SELECT 'towns' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'towns'); END;
CREATE TRIGGER towns_dirty_delete AFTER DELETE ON towns BEGIN INSERT INTO sync_reference_dirty SELECT 'towns' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'towns'); END;
CREATE TRIGGER calendar_days_dirty_insert AFTER INSERT ON calendar_days BEGIN INSERT INTO sync_reference_dirty SELECT 'calendar_days' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'calendar_days'); END;
CREATE TRIGGER calendar_days_dirty_update AFTER UPDATE ON calendar_days BEGIN INSERT INTO sync_reference_dirty SELECT 'calendar_days' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'calendar_days'); END;
CREATE TRIGGER calendar_days_dirty_delete AFTER DELETE ON calendar_days BEGIN INSERT INTO sync_reference_dirty SELECT 'calendar_days' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'calendar_days'); END;
CREATE TRIGGER settings_dirty_insert AFTER INSERT ON settings BEGIN INSERT INTO sync_reference_dirty SELECT 'settings' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'settings'); END;
CREATE TRIGGER settings_dirty_update AFTER UPDATE ON settings BEGIN INSERT INTO sync_reference_dirty SELECT 'settings' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'settings'); END;
CREATE TRIGGER settings_dirty_delete AFTER DELETE ON settings BEGIN INSERT INTO sync_reference_dirty SELECT 'settings' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'settings'); END;
CREATE TRIGGER users_dirty_insert AFTER INSERT ON users BEGIN INSERT INTO sync_reference_dirty SELECT 'users' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'users'); END;
CREATE TRIGGER users_dirty_update AFTER UPDATE ON users BEGIN INSERT INTO sync_reference_dirty SELECT 'users' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'users'); END;
CREATE TRIGGER users_dirty_delete AFTER DELETE ON users BEGIN INSERT INTO sync_reference_dirty SELECT 'users' WHERE NOT EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'users'); END;

-- Events from the server that this program could not decode (an unknown format version or type, broken JSON):
-- kept with their raw fields instead of being lost, and tried again on every sync, so an updated program
-- applies them.
CREATE TABLE sync_skipped (
    server_seq INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    ticket_id  TEXT NOT NULL,
    type       TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    console    TEXT NOT NULL,
    payload    TEXT NOT NULL,
    version    INTEGER NOT NULL,
    reason     TEXT NOT NULL
);
