SELECT
  COUNT(*)
FROM openalex_work
