-- Schema version 9: other codes a department is known by (docs/DATA-FORMATS.md "Departments CSV").
-- `import tickets` creates an unknown department with its name as code, and its tickets' history (the event log)
-- refers to it by that code for good. When `departments import` later gives the department its real code, the
-- department keeps the old one and the real code is recorded here, so later imports (of departments or tickets)
-- that use the real code find the same department. Compared ignoring case, like every department code.
-- Kept on this console (not synced): it only steers imports.
CREATE TABLE department_aliases (
    alias TEXT PRIMARY KEY COLLATE NOCASE,
    code  TEXT NOT NULL
);
