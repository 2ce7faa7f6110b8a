SELECT
  key,
  value
FROM meta
WHERE
  key LIKE 'engine_%'
