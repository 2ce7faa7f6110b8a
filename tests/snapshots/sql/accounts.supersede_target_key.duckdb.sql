UPDATE target SET superseded_at = CAST(NOW() AS TIMESTAMP), superseded_by = ?
WHERE
  superseded_at IS NULL
  AND ecosystem_id = ?
  AND indicator = ?
  AND measure = ?
  AND breakdown = ?
