SELECT DISTINCT
  code
FROM geo_region
WHERE
  level = 'municipality' AND corop_code = ? AND code <> ?
ORDER BY
  code NULLS LAST
