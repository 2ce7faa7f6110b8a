SELECT
  input_id,
  ecosystem_id,
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
  entered_by,
  superseded_at
FROM indicator_input
WHERE
  input_id = ?
