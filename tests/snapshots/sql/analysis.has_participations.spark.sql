SELECT
  COUNT(*)
FROM participation
