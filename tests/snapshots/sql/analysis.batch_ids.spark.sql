SELECT
  batch_id
FROM import_batch
