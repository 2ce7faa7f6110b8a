INSERT INTO meta
VALUES
  ('coverage', ?)
