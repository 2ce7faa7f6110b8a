INSERT INTO regional_statistic
SELECT
  'cbs:85039NED',
  r,
  NULL,
  ind,
  y,
  v,
  NULL,
  ?,
  _row
FROM (
  SELECT
    TRIM("RegioS") AS r,
    ? AS ind,
    CAST(LEFT(TRIM("Perioden"), 4) AS INT) AS y,
    TRY_CAST(REPLACE("Banen_2", ',', '.') AS DOUBLE) AS v,
    _row
  FROM stg_statline
)
WHERE
  NOT v IS NULL
