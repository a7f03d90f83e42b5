-- Server schema version 5 (issue 16, part "clash"): which ticket ids each ticket number names, for clash
-- detection at push and at join. Filled in by that part.
SELECT 1;
