SELECT
  MIN(start_year),
  MAX(start_year)
FROM scope
WHERE
  ecosystem_id = ?
