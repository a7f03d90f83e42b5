-- Schema version 14 (issue 16, part "refrows"): shared reference data merges by row (docs/DEPLOYMENT.md
-- "Reference data"). Each row of the six shared tables is tracked on its own: the server's version this console's
-- copy is based on (0: never on the server), and whether it changed here since (dirty counts local writes, so a
-- write made while a push is under way is not forgotten). The sync pushes dirty rows one by one through the
-- server's checking function and applies pulled rows one by one; applying a pulled row resets its mark in the same
-- transaction, so it is not pushed back.
CREATE TABLE sync_reference_rows (
    tbl          TEXT NOT NULL,
    key          TEXT NOT NULL,
    base_version INTEGER NOT NULL DEFAULT 0,
    dirty        INTEGER NOT NULL DEFAULT 0,
    edited_ms    INTEGER,
    edited_by    TEXT,
    PRIMARY KEY (tbl, key)
);
CREATE INDEX sync_reference_rows_dirty ON sync_reference_rows(tbl) WHERE dirty > 0;

-- Concurrent edits of one row as the server listed them (the same list on every console), for administrators:
-- the edit kept (the later one) and the one that lost. Pulled by version; seen is this console's own mark.
CREATE TABLE sync_reference_conflicts (
    version        INTEGER PRIMARY KEY,
    tbl            TEXT NOT NULL,
    key            TEXT NOT NULL,
    kept_version   INTEGER NOT NULL,
    kept_content   TEXT,
    kept_edited_ms INTEGER NOT NULL,
    kept_console   TEXT NOT NULL,
    kept_by        TEXT NOT NULL,
    lost_content   TEXT,
    lost_edited_ms INTEGER NOT NULL,
    lost_console   TEXT NOT NULL,
    lost_by        TEXT NOT NULL,
    seen           INTEGER NOT NULL DEFAULT 0
);

-- A change marks its row (insert it untracked, then count the write). Two plain statements rather than an upsert:
-- an outer INSERT OR REPLACE would override a trigger's conflict clause. A renamed key marks both keys: the old
-- one travels as a deletion.
DROP TRIGGER departments_dirty_insert;
DROP TRIGGER departments_dirty_update;
DROP TRIGGER departments_dirty_delete;
CREATE TRIGGER departments_row_dirty_insert AFTER INSERT ON departments BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'departments', NEW.code WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'departments' AND key = NEW.code); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'departments' AND key = NEW.code; END;
CREATE TRIGGER departments_row_dirty_update AFTER UPDATE ON departments BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'departments', NEW.code WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'departments' AND key = NEW.code); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'departments' AND key = NEW.code; END;
CREATE TRIGGER departments_row_renamed AFTER UPDATE OF code ON departments WHEN OLD.code IS NOT NEW.code BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'departments', OLD.code WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'departments' AND key = OLD.code); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'departments' AND key = OLD.code; END;
CREATE TRIGGER departments_row_dirty_delete AFTER DELETE ON departments BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'departments', OLD.code WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'departments' AND key = OLD.code); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'departments' AND key = OLD.code; END;
DROP TRIGGER categories_dirty_insert;
DROP TRIGGER categories_dirty_update;
DROP TRIGGER categories_dirty_delete;
CREATE TRIGGER categories_row_dirty_insert AFTER INSERT ON categories BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'categories', NEW.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'categories' AND key = NEW.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'categories' AND key = NEW.name; END;
CREATE TRIGGER categories_row_dirty_update AFTER UPDATE ON categories BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'categories', NEW.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'categories' AND key = NEW.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'categories' AND key = NEW.name; END;
CREATE TRIGGER categories_row_renamed AFTER UPDATE OF name ON categories WHEN OLD.name IS NOT NEW.name BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'categories', OLD.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'categories' AND key = OLD.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'categories' AND key = OLD.name; END;
CREATE TRIGGER categories_row_dirty_delete AFTER DELETE ON categories BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'categories', OLD.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'categories' AND key = OLD.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'categories' AND key = OLD.name; END;
DROP TRIGGER towns_dirty_insert;
DROP TRIGGER towns_dirty_update;
DROP TRIGGER towns_dirty_delete;
CREATE TRIGGER towns_row_dirty_insert AFTER INSERT ON towns BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'towns', NEW.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'towns' AND key = NEW.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'towns' AND key = NEW.name; END;
CREATE TRIGGER towns_row_dirty_update AFTER UPDATE ON towns BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'towns', NEW.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'towns' AND key = NEW.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'towns' AND key = NEW.name; END;
CREATE TRIGGER towns_row_renamed AFTER UPDATE OF name ON towns WHEN OLD.name IS NOT NEW.name BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'towns', OLD.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'towns' AND key = OLD.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'towns' AND key = OLD.name; END;
CREATE TRIGGER towns_row_dirty_delete AFTER DELETE ON towns BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'towns', OLD.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'towns' AND key = OLD.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'towns' AND key = OLD.name; END;
DROP TRIGGER calendar_days_dirty_insert;
DROP TRIGGER calendar_days_dirty_update;
DROP TRIGGER calendar_days_dirty_delete;
CREATE TRIGGER calendar_days_row_dirty_insert AFTER INSERT ON calendar_days BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'calendar_days', NEW.date WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'calendar_days' AND key = NEW.date); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'calendar_days' AND key = NEW.date; END;
CREATE TRIGGER calendar_days_row_dirty_update AFTER UPDATE ON calendar_days BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'calendar_days', NEW.date WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'calendar_days' AND key = NEW.date); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'calendar_days' AND key = NEW.date; END;
CREATE TRIGGER calendar_days_row_renamed AFTER UPDATE OF date ON calendar_days WHEN OLD.date IS NOT NEW.date BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'calendar_days', OLD.date WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'calendar_days' AND key = OLD.date); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'calendar_days' AND key = OLD.date; END;
CREATE TRIGGER calendar_days_row_dirty_delete AFTER DELETE ON calendar_days BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'calendar_days', OLD.date WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'calendar_days' AND key = OLD.date); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'calendar_days' AND key = OLD.date; END;
DROP TRIGGER settings_dirty_insert;
DROP TRIGGER settings_dirty_update;
DROP TRIGGER settings_dirty_delete;
CREATE TRIGGER settings_row_dirty_insert AFTER INSERT ON settings BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'settings', NEW.key WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'settings' AND key = NEW.key); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'settings' AND key = NEW.key; END;
CREATE TRIGGER settings_row_dirty_update AFTER UPDATE ON settings BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'settings', NEW.key WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'settings' AND key = NEW.key); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'settings' AND key = NEW.key; END;
CREATE TRIGGER settings_row_renamed AFTER UPDATE OF key ON settings WHEN OLD.key IS NOT NEW.key BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'settings', OLD.key WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'settings' AND key = OLD.key); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'settings' AND key = OLD.key; END;
CREATE TRIGGER settings_row_dirty_delete AFTER DELETE ON settings BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'settings', OLD.key WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'settings' AND key = OLD.key); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'settings' AND key = OLD.key; END;
DROP TRIGGER users_dirty_insert;
DROP TRIGGER users_dirty_update;
DROP TRIGGER users_dirty_delete;
CREATE TRIGGER users_row_dirty_insert AFTER INSERT ON users BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'users', NEW.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'users' AND key = NEW.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'users' AND key = NEW.name; END;
-- Not on password_hash alone: a hash stored after a sign-in checked by the server (or strengthened) is no edit of
-- the shared row; marking it would push this console's possibly stale row with a later edit time and undo an
-- administrator's change made elsewhere meanwhile. The hash travels only through server schema 8's functions.
CREATE TRIGGER users_row_dirty_update AFTER UPDATE OF name, display_name, role, department, disabled, created_ms, must_change_password ON users BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'users', NEW.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'users' AND key = NEW.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'users' AND key = NEW.name; END;
CREATE TRIGGER users_row_renamed AFTER UPDATE OF name ON users WHEN OLD.name IS NOT NEW.name BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'users', OLD.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'users' AND key = OLD.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'users' AND key = OLD.name; END;
CREATE TRIGGER users_row_dirty_delete AFTER DELETE ON users BEGIN INSERT INTO sync_reference_rows(tbl, key) SELECT 'users', OLD.name WHERE NOT EXISTS (SELECT 1 FROM sync_reference_rows WHERE tbl = 'users' AND key = OLD.name); UPDATE sync_reference_rows SET dirty = dirty + 1 WHERE tbl = 'users' AND key = OLD.name; END;

-- A table marked under the old scheme (changed here, not pushed yet) becomes dirty rows: all of its rows, since
-- which of them changed is not known; the server takes a row equal to its own without a conflict. (A row deleted
-- meanwhile is not known either: it stays on the server.)
INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT 'departments', code, 1 FROM departments WHERE EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'departments');
INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT 'categories', name, 1 FROM categories WHERE EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'categories');
INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT 'towns', name, 1 FROM towns WHERE EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'towns');
INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT 'calendar_days', date, 1 FROM calendar_days WHERE EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'calendar_days');
INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT 'settings', key, 1 FROM settings WHERE EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'settings');
INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT 'users', name, 1 FROM users WHERE EXISTS (SELECT 1 FROM sync_reference_dirty WHERE name = 'users');
DROP TABLE sync_reference_dirty;
-- Where the pull of rows starts: the old cursor counted documents, another sequence on the server.
DELETE FROM meta WHERE key = 'sync.reference_version';
