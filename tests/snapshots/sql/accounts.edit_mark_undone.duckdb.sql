UPDATE edit_log SET undone_by = ?
WHERE
  edit_id = ?
