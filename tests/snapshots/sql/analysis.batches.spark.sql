SELECT
  batch_id,
  source,
  dataset,
  file,
  rows,
  imported_at
FROM import_batch
ORDER BY
  batch_id NULLS LAST
