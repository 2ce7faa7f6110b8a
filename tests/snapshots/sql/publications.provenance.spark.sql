SELECT
  file,
  rows,
  imported_at,
  licence,
  attribution
FROM import_batch
WHERE
  source = 'openalex'
ORDER BY
  batch_id NULLS LAST
