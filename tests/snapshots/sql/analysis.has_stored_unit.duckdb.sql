SELECT
  COUNT(*)
FROM meta
WHERE
  key = 'analysis_unit'
