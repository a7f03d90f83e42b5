-- Schema version 2: keep the monthly report within its budget on a million tickets, and let a callback
-- remember the department it judged, so a later reopen does not move an unsatisfied answer out of that
-- department's row.
ALTER TABLE callbacks ADD COLUMN department TEXT;
UPDATE callbacks SET department = (SELECT department FROM tickets WHERE tickets.id = callbacks.ticket_id);
DROP INDEX callbacks_at;
CREATE INDEX callbacks_at ON callbacks(at_ms, department, satisfaction);

-- Tickets open at a period's end and past their deadline, without walking every closure since.
CREATE INDEX tickets_overdue ON tickets(closed_ms, deadline_s, department)
    WHERE deadline_s IS NOT NULL AND reply_on_time IS NOT 1;

-- Covering versions of the range indexes: the report's GROUP BY never touches the table.
DROP INDEX tickets_registered;
CREATE INDEX tickets_registered ON tickets(registered_ms, department);
DROP INDEX tickets_closed;
CREATE INDEX tickets_closed ON tickets(closed_ms, department, on_time);
DROP INDEX dispatches_at;
CREATE INDEX dispatches_at ON dispatches(at_ms, department);
