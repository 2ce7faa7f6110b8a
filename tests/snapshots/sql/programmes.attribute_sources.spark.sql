WITH a AS (
  SELECT
    attribute,
    value,
    priority,
    batch_id,
    source_row
  FROM organisation_attribute
  WHERE
    pic = ?
  UNION ALL
  SELECT
    'name',
    name,
    priority,
    batch_id,
    source_row
  FROM organisation_record
  WHERE
    pic = ? AND NOT name IS NULL
  UNION ALL
  SELECT
    'nuts3_code',
    nuts_code,
    priority,
    batch_id,
    source_row
  FROM organisation_record
  WHERE
    pic = ? AND NOT nuts_code IS NULL AND LENGTH(TRIM(nuts_code)) = 5
  UNION ALL
  SELECT
    'postcode',
    postcode,
    priority,
    batch_id,
    source_row
  FROM organisation_record
  WHERE
    pic = ? AND NOT postcode IS NULL
), d AS (
  SELECT DISTINCT
    attribute,
    value,
    priority,
    batch_id,
    MIN(source_row) OVER (PARTITION BY attribute, value, batch_id) AS source_row
  FROM a
)
SELECT
  d.attribute,
  d.value,
  b.dataset,
  b.file,
  d.source_row,
  d.priority,
  ROW_NUMBER() OVER (
    PARTITION BY d.attribute
    ORDER BY d.priority NULLS LAST, d.batch_id DESC, d.source_row NULLS LAST
  ) = 1 AS used
FROM d
JOIN import_batch AS b
  ON b.batch_id = d.batch_id
ORDER BY
  d.attribute NULLS LAST,
  d.priority NULLS LAST,
  d.batch_id DESC,
  d.source_row NULLS LAST
