SELECT
  code,
  name,
  geometry
FROM geo_shape
WHERE
  level = ? AND year = ?
ORDER BY
  code
