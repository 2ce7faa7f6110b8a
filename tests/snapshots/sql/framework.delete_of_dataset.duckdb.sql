DELETE FROM facility
WHERE
  batch_id IN (
    SELECT
      batch_id
    FROM import_batch
    WHERE
      dataset = ?
  )
