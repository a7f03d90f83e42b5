-- Schema version 9: categories and towns administered by code (hotlinectl categories|towns import, the
-- console's Categories and Towns pages). Names stay the key tickets refer to; the code is the key a centre's
-- files use, unique ignoring case. Rows created before (demo data, ticket import) have no code until an
-- administrator gives one. A disabled row is no longer offered at registration; tickets keep their name.
ALTER TABLE categories ADD COLUMN code TEXT;
ALTER TABLE categories ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE towns ADD COLUMN code TEXT;
ALTER TABLE towns ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX categories_code ON categories(code COLLATE NOCASE) WHERE code IS NOT NULL;
CREATE UNIQUE INDEX towns_code ON towns(code COLLATE NOCASE) WHERE code IS NOT NULL;
