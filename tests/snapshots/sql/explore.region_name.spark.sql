SELECT
  name
FROM geo_shape
WHERE
  code = ?
ORDER BY
  year DESC
LIMIT 1
