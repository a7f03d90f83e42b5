-- Schema version 15 (issue 16, part "secrets"): password hashes no longer travel with the users table.
-- The server keeps them where console logins cannot read them and checks sign-ins itself (server 008). A console
-- keeps the hash of each person who signed in here (users.password_hash; empty for one who has not yet), queues
-- the password changes made here for the server, and remembers which version of each hash it holds.

-- Password changes made on this console (a user's own change, an administrator's reset, a new user, a stronger
-- hash), pushed in order by the next sync pass through the server's checking function. by_name proves the change
-- with by_key, the key part of by_name's hash as this console held it then ('' by_name: seeding a new server).
-- A row the server refused keeps its reason in refused: it is reported and not sent again.
CREATE TABLE user_secret_outbox (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL,
    hash      TEXT NOT NULL,
    by_name   TEXT NOT NULL,
    by_key    TEXT NOT NULL,
    queued_ms INTEGER NOT NULL,
    refused   TEXT
);

-- The server's version of each hash this console holds (from its push, or a sign-in checked by the server): a
-- newer version on the server means the password changed elsewhere and the copy here is forgotten.
CREATE TABLE user_secret_versions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
