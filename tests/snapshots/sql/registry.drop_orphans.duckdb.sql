DELETE FROM ror_record
WHERE
  NOT batch_id IN (
    SELECT
      batch_id
    FROM import_batch
  )
