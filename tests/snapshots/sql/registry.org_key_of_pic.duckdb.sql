SELECT
  org_key
FROM registry_identifier
WHERE
  scheme = 'pic' AND value = ?
LIMIT 1
