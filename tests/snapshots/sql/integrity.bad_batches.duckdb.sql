SELECT
  batch_id,
  dataset
FROM import_batch
WHERE
  rows IS NULL OR rows < 0 OR dataset IS NULL OR sha256 IS NULL
ORDER BY
  batch_id
LIMIT 5
