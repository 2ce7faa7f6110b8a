INSERT INTO indicator_input (
  input_id,
  ecosystem_id,
  indicator,
  breakdown,
  year,
  value,
  unit,
  region,
  source,
  kind,
  confidential,
  units,
  largest_share,
  entered_by,
  batch_id,
  source_row,
  top2_share,
  top3_share,
  contributor_set
)
SELECT
  NEXTVAL('input_seq'),
  ecosystem_id,
  indicator,
  breakdown,
  year,
  value,
  unit,
  region,
  source,
  kind,
  confidential,
  units,
  largest_share,
  entered_by,
  ?,
  source_row,
  top2_share,
  top3_share,
  contributor_set
FROM indicator_input
WHERE
  input_id = ?
RETURNING input_id
