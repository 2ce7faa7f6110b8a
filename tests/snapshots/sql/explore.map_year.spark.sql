SELECT
  CASE WHEN ? = 'corop' THEN MIN(year) ELSE MAX(year) END
FROM geo_shape
WHERE
  level = ?
