SELECT
  code,
  geometry
FROM geo_shape
WHERE
  level = 'municipality' AND year = ?
ORDER BY
  code
