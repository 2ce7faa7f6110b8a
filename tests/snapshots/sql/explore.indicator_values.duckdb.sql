SELECT
  indicator,
  measure,
  breakdown,
  year,
  value,
  unit,
  method,
  source,
  computed_at
FROM indicator_value
WHERE
  ecosystem_id = ?
  AND (
    (
      ? = 'total' AND year IS NULL
    ) OR (
      ? = 'year' AND year = ?
    ) OR ? = 'all'
  )
ORDER BY
  indicator,
  measure,
  breakdown,
  year NULLS FIRST
