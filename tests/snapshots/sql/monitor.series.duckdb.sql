SELECT
  indicator,
  measure,
  breakdown,
  year,
  value
FROM indicator_value
WHERE
  ecosystem_id = ?
  AND NOT year IS NULL
  AND (
    (
      indicator = '29' AND breakdown = ''
    )
    OR (
      indicator IN ('participations', 'funding') AND breakdown = ''
    )
    OR (
      indicator = '18' AND breakdown = 'internal'
    )
  )
