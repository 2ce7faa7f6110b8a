SELECT
  *
FROM import_batch
WHERE
  dataset LIKE ?
ORDER BY
  batch_id NULLS LAST
