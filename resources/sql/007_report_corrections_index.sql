-- Schema version 7: the closed-month check of the printed report (docs/REPORTS.md) finds the tickets a period
-- counted by closing time and registration without a table lookup per ticket.
CREATE INDEX tickets_closed_registered ON tickets(closed_ms, registered_ms);
