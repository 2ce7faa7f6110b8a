SELECT
  source,
  target,
  works,
  fractional,
  association_strength
FROM copub_edge
WHERE
  ecosystem_id = ?
ORDER BY
  works DESC,
  source NULLS LAST,
  target NULLS LAST
