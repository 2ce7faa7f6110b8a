SELECT
  key,
  value
FROM meta
WHERE
  key LIKE 'disclosure_%'
