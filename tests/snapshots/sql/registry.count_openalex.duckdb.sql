SELECT
  COUNT(*)
FROM openalex_institution
