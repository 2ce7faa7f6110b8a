SELECT
  COUNT(*)
FROM finding
