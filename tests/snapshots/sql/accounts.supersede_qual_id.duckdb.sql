UPDATE qualitative_entry SET superseded_at = CAST(NOW() AS TIMESTAMP), superseded_by = ?
WHERE
  entry_id = ? AND superseded_at IS NULL
