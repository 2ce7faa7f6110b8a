SELECT
  note,
  set_by,
  set_at
FROM monitoring_note
WHERE
  ecosystem_id = ?
