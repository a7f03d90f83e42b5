-- Schema version 15 (issue 16, part "secrets"): password hashes no longer travel with the users table.
-- Filled in by that part.
SELECT 1;
