INSERT OR REPLACE INTO meta
VALUES
  ('diagnosis_disclosure', ?)
