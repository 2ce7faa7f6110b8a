INSERT OR REPLACE INTO meta
VALUES
  ('disclosure_max_dominance', ?)
