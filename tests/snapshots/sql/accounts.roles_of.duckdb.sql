SELECT
  ecosystem_id,
  role
FROM user_role
WHERE
  username = ?
ORDER BY
  1
