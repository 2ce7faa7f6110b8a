SELECT
  COUNT(*),
  MIN(t.batch_id)
FROM "participation" AS t
WHERE
  NOT t.batch_id IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM import_batch AS b
    WHERE
      b.batch_id = t.batch_id
  )
