SELECT
  COUNT(*)
FROM "project"
