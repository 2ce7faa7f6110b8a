SELECT
  COUNT(*)
FROM org_match
WHERE
  status = 'uncertain'
