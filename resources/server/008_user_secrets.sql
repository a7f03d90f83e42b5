-- Server schema version 8 (issue 16, part "secrets"): password hashes only the server's functions read.
-- Filled in by that part.
SELECT 1;
