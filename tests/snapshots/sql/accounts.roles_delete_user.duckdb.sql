DELETE FROM user_role
WHERE
  username = ?
