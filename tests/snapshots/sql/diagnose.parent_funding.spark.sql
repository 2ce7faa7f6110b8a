SELECT
  COALESCE(SUM(ec_contribution), 0)
FROM scope
WHERE
  ecosystem_id = ?
GROUP BY
  pic
ORDER BY
  pic NULLS LAST
