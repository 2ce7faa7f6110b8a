SELECT
  MAX(year)
FROM geo_shape
WHERE
  level = 'province'
