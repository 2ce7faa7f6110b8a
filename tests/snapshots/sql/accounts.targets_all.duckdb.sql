SELECT
  ecosystem_id,
  indicator,
  measure,
  breakdown,
  target_value,
  target_year,
  baseline_value,
  baseline_year,
  direction
FROM target
WHERE
  superseded_at IS NULL
ORDER BY
  indicator,
  measure,
  breakdown,
  ecosystem_id
