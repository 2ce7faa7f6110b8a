SELECT
  ecosystem_id,
  source,
  target,
  works,
  fractional,
  association_strength
FROM copub_edge
ORDER BY
  ecosystem_id,
  source,
  target
