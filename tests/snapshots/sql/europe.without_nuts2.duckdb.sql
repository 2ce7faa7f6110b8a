SELECT
  country,
  COUNT(*) AS organisations,
  COUNT(*) FILTER(WHERE
    nuts_code IS NULL OR LENGTH(TRIM(nuts_code)) < 4) AS without_nuts2,
  COALESCE(
    SUM(participations) FILTER(WHERE
      nuts_code IS NULL OR LENGTH(TRIM(nuts_code)) < 4),
    0
  ) AS participations_without_nuts2
FROM organisation
WHERE
  participations > 0 AND NOT country IS NULL
GROUP BY
  country
ORDER BY
  country
