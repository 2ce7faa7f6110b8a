SELECT
  code,
  MAX(corop_code)
FROM geo_region
WHERE
  level = 'municipality'
  AND name = ?
  AND year = (
    SELECT
      MIN(year)
    FROM geo_region
    WHERE
      level = 'municipality'
  )
GROUP BY
  code
