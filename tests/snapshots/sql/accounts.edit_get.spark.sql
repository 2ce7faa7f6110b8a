SELECT
  *
FROM edit_log
WHERE
  edit_id = ?
