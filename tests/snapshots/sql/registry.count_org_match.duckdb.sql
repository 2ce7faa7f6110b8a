SELECT
  COUNT(*)
FROM org_match
