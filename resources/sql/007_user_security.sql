-- Schema version 7: account security (password changes, failed sign-ins, lockout). See docs/ACCOUNTS.md.

-- Set when an administrator resets a password: the user must choose a new one at the next sign-in. A column of
-- users, so it travels with the shared users document like the password hash it belongs to.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- Consecutive failed sign-ins and the lockout they caused, per account, on this console only (never synced:
-- counting on the machine where the attempts happen needs no server and cannot lock people out centre-wide).
CREATE TABLE user_lockouts (
    name            TEXT PRIMARY KEY,          -- sign-in name
    failures        INTEGER NOT NULL DEFAULT 0,
    locked_until_ms INTEGER NOT NULL DEFAULT 0, -- 0: not locked
    last_failure_ms INTEGER NOT NULL DEFAULT 0
);
