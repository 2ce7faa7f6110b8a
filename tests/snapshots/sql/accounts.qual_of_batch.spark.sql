SELECT
  MAX(entry_id)
FROM qualitative_entry
WHERE
  batch_id = ?
