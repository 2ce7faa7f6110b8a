SELECT
  indicator,
  ANY_VALUE(unit) AS unit,
  LISTAGG(DISTINCT kind, ', ') AS kinds,
  LISTAGG(DISTINCT source, '; ') AS sources,
  COUNT(*) AS n_values,
  COUNT(DISTINCT year) AS years,
  BOOL_OR(CAST(confidential AS BOOLEAN)) AS has_confidential
FROM indicator_input
WHERE
  superseded_at IS NULL AND ecosystem_id = ?
GROUP BY
  1
ORDER BY
  1
