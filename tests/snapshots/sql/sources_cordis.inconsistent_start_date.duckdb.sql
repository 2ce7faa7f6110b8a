SELECT
  MAX(_row),
  rcn
FROM stg_reduced
GROUP BY
  rcn
HAVING
  COUNT(DISTINCT COALESCE(start_date, '')) > 1
ORDER BY
  1
LIMIT 1
