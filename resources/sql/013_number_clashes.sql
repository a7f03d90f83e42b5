-- Schema version 13 (issue 16, part "clash"): a ticket number may name two tickets after sync (two consoles
-- that numbered alike); both stay whole, the clash is listed for a dispatcher. Filled in by that part.
SELECT 1;
