SELECT
  COUNT(*) AS works,
  MIN(publication_year) AS first_year,
  MAX(publication_year) AS last_year,
  COUNT(DISTINCT batch_id) AS batches
FROM openalex_work
