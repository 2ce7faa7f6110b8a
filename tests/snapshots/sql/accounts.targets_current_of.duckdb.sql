SELECT
  batch_id,
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
  superseded_at IS NULL AND ecosystem_id = ?
ORDER BY
  indicator,
  measure,
  breakdown
