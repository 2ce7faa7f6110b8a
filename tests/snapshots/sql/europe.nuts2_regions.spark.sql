SELECT
  UPPER(SUBSTRING(TRIM(nuts_code), 1, 4)) AS code,
  COUNT(*) AS organisations
FROM organisation
WHERE
  participations > 0 AND LENGTH(TRIM(nuts_code)) >= 4
GROUP BY
  1
ORDER BY
  1 NULLS LAST
