-- Schema version 14 (issue 16, part "refrows"): shared reference data merges by row. Filled in by that part.
SELECT 1;
