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
  indicator NULLS LAST,
  measure NULLS LAST,
  breakdown NULLS LAST,
  ecosystem_id NULLS LAST
