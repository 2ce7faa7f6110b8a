SELECT
  framework,
  MIN(start_year),
  MAX(start_year),
  COUNT(*)
FROM scope
WHERE
  ecosystem_id = ?
GROUP BY
  1
ORDER BY
  2,
  1
