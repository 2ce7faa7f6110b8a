SELECT
  CAST(MAX(computed_at) AS STRING)
FROM ecosystem
