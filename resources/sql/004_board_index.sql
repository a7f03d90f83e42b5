-- Schema version 4: the countdown board reads the counting tickets in (deadline, number) order straight from
-- one partial index, without sorting ties in a temporary b-tree.
DROP INDEX tickets_open_deadline;
CREATE INDEX tickets_open_deadline ON tickets(deadline_s, number)
    WHERE closed_ms IS NULL AND replied_ms IS NULL AND deadline_s IS NOT NULL;
