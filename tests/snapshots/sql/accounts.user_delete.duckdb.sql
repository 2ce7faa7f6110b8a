DELETE FROM app_user
WHERE
  username = ?
