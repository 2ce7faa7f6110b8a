UPDATE indicator_input SET superseded_at = CAST(NOW() AS TIMESTAMP), superseded_by = ?
WHERE
  input_id = ? AND superseded_at IS NULL
