SELECT
  COUNT(*)
FROM registry_org
WHERE
  org_key = ?
