INSERT OR REPLACE INTO meta
VALUES
  ('disclosure_dominance', ?)
