DELETE FROM project
WHERE
  batch_id IN (
    SELECT
      UNNEST(CAST(? AS INT[]))
  )
