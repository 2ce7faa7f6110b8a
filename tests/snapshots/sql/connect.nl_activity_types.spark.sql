SELECT
  activity_type,
  COUNT(*)
FROM participation
WHERE
  country = 'NL'
GROUP BY
  1
