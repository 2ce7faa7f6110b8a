INSERT OR REPLACE INTO meta
VALUES
  ('disclosure_min_units', ?)
