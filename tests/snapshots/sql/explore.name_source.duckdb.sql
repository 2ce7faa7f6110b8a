SELECT
  dataset || ': ' || file
FROM import_batch
WHERE
  batch_id = ?
