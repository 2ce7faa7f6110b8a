DELETE FROM openalex_work
WHERE
  batch_id IN (
    SELECT
      UNNEST(CAST(? AS INT[]))
  )
