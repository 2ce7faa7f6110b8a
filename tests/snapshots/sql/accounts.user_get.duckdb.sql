SELECT
  username,
  password_hash,
  epoch
FROM app_user
WHERE
  username = ?
