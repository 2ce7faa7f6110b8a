SELECT
  status,
  COUNT(*)
FROM org_match
WHERE
  left_scheme = 'actor'
GROUP BY
  1
