-- Schema version 3: console users (PRODUCT §1) and registration drafts that survive a crash.
CREATE TABLE users (
    name          TEXT PRIMARY KEY,            -- sign-in name
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,               -- calltaker | dispatcher | liaison | supervisor | administrator
    department    TEXT,                        -- the liaison's department code
    password_hash TEXT NOT NULL,               -- pbkdf2-sha256$ITERATIONS$SALT_HEX$KEY_HEX
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_ms    INTEGER NOT NULL
);

-- One unfinished registration form per user on this console, saved as the operator types.
CREATE TABLE drafts (
    user     TEXT PRIMARY KEY,
    saved_ms INTEGER NOT NULL,
    content  TEXT NOT NULL                     -- JSON object of the form's fields
);
