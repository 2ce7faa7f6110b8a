SELECT
  value
FROM meta
WHERE
  key = 'schema_version'
