SELECT
  *
FROM edit_log
WHERE
  ecosystem_id = ?
ORDER BY
  edit_id DESC
LIMIT 200
