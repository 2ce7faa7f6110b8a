DELETE FROM user_role
WHERE
  username = ? AND ecosystem_id = ?
