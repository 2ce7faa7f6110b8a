SELECT
  UPPER(region_code) AS code,
  MAX_BY(region_name, year) AS name
FROM regional_statistic
WHERE
  LENGTH(region_code) = 4 AND NOT region_name IS NULL
GROUP BY
  1
ORDER BY
  1 NULLS LAST
