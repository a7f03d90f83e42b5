-- Schema version 11: honest figures (issue 14, PRODUCT §6). Projection columns only: `hotlinectl rebuild`
-- (and the refold after this migration) derive them from the events.

-- Every clock a department was given, one row per dispatch or transfer (already there), now kept up to date by
-- the fold as the clock runs and ends, so each department is judged on its own dispatches for good:
--   deadline_s  this clock's deadline in force (after approved extensions)
--   ended_ms    when it stopped (reply, return, transfer away), NULL while running
--   outcome     NULL running, or replied | returned | misroute | transferred
--   on_time     1/0 once replied by this department
--   breached_s  the deadline it passed without a reply, once known, never cleared
--   extensions  extensions approved on this clock
ALTER TABLE dispatches ADD COLUMN deadline_s INTEGER;
ALTER TABLE dispatches ADD COLUMN ended_ms INTEGER;
ALTER TABLE dispatches ADD COLUMN outcome TEXT;
ALTER TABLE dispatches ADD COLUMN on_time INTEGER;
ALTER TABLE dispatches ADD COLUMN breached_s INTEGER;
ALTER TABLE dispatches ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;

-- The ticket's side of the same facts:
--   clock_id                event id of the running (or last) clock's dispatch row
--   extension_requested_ms  when the pending extension request was made
--   breached                1 once any of its clocks breached: permanent
--   stage_since_ms          waiting at the centre since (for dispatch: registered, returned, reopened, or for
--                           callback: replied), NULL while with a department or closed
ALTER TABLE tickets ADD COLUMN clock_id TEXT;
ALTER TABLE tickets ADD COLUMN extension_requested_ms INTEGER;
ALTER TABLE tickets ADD COLUMN breached INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN stage_since_ms INTEGER;
CREATE INDEX tickets_stage ON tickets(stage_since_ms, number) WHERE stage_since_ms IS NOT NULL AND closed_ms IS NULL;
CREATE INDEX dispatches_department ON dispatches(department, at_ms);
