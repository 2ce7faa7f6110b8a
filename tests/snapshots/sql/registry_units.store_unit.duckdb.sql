INSERT INTO meta
VALUES
  ('analysis_unit', ?)
