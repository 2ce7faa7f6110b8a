SELECT
  dataset,
  file,
  batch_id,
  rows,
  imported_at
FROM import_batch
WHERE
  dataset LIKE 'framework:%'
ORDER BY
  batch_id NULLS LAST
