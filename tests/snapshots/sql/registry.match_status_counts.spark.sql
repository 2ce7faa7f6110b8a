SELECT
  status,
  COUNT(*)
FROM org_match
GROUP BY
  1
