SELECT
  COUNT(*)
FROM participation
WHERE
  country IS NULL
