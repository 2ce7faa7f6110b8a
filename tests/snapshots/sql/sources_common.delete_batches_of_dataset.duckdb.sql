DELETE FROM import_batch
WHERE
  dataset = ?
