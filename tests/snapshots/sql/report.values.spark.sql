SELECT
  indicator,
  measure,
  breakdown,
  value,
  unit,
  source,
  method
FROM indicator_value
WHERE
  ecosystem_id = ? AND year IS NULL AND (
    breakdown = '' OR indicator = '18'
  )
ORDER BY
  CASE WHEN indicator RLIKE '^[0-9]+$' THEN LPAD(indicator, 3, '0') ELSE indicator END NULLS LAST,
  measure NULLS LAST,
  breakdown NULLS LAST
