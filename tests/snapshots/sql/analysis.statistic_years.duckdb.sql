SELECT
  MIN(year),
  MAX(year)
FROM regional_statistic
WHERE
  batch_id = ?
