UPDATE app_user SET password_hash = ?, epoch = epoch + 1
WHERE
  username = ?
