SELECT
  indicator,
  measure,
  breakdown,
  target_value,
  target_year,
  baseline_value,
  baseline_year,
  direction,
  note,
  set_by
FROM target
WHERE
  ecosystem_id = ? AND superseded_at IS NULL
ORDER BY
  indicator,
  measure,
  breakdown
