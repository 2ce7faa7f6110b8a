SELECT
  _row,
  first_row
FROM (
  SELECT
    _row,
    MIN(_row) OVER (PARTITION BY TRIM(key)) AS first_row
  FROM stg_defs
)
WHERE
  _row > first_row
ORDER BY
  _row
LIMIT 20
