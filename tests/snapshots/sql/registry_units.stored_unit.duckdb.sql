SELECT
  value
FROM meta
WHERE
  key = 'analysis_unit'
