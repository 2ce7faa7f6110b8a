SELECT
  MIN(year)
FROM geo_shape
WHERE
  level = 'municipality'
