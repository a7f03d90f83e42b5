-- Server schema version 7 (issue 16, part "authority"): one login per console, stamped and checked on every
-- push. Filled in by that part.
SELECT 1;
