SELECT
  _row,
  evidence
FROM stg_qual
WHERE
  NOT evidence IS NULL
ORDER BY
  _row
