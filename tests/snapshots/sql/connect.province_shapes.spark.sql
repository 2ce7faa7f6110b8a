SELECT
  name,
  geometry
FROM geo_shape
WHERE
  level = 'province' AND year = ?
ORDER BY
  code NULLS LAST
