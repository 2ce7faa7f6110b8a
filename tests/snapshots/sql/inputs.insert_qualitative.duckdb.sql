INSERT INTO qualitative_entry
SELECT
  NEXTVAL('input_seq'),
  TRIM(ecosystem),
  TRIM(indicator),
  TRIM(text),
  CAST(LEFT(TRIM(date), 10) AS DATE),
  TRIM(author),
  CAST(e.links AS JSON),
  ?,
  _row,
  NULL,
  NULL
FROM stg_qual
JOIN (
  SELECT
    UNNEST(CAST(? AS BIGINT[])) AS r,
    UNNEST(CAST(? AS TEXT[])) AS links
) AS e
  ON e.r = _row
ORDER BY
  _row
