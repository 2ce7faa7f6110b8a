SELECT
  *
FROM import_batch
ORDER BY
  batch_id
