SELECT
  input_id,
  indicator,
  breakdown,
  year,
  value,
  unit,
  source,
  kind,
  confidential,
  units,
  largest_share,
  top2_share,
  region,
  entered_by
FROM indicator_input
WHERE
  superseded_at IS NULL AND ecosystem_id = ?
ORDER BY
  indicator NULLS LAST,
  breakdown NULLS LAST,
  year NULLS LAST
