SELECT
  country,
  COUNT(*) AS participations,
  COUNT(DISTINCT pic) AS organisations
FROM participation
WHERE
  NOT country IS NULL
GROUP BY
  country
ORDER BY
  country
