SELECT
  CAST(MAX(computed_at) AS TEXT)
FROM ecosystem
