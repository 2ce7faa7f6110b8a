SELECT
  u.username,
  u.created_at,
  LISTAGG(r.role || '@' || r.ecosystem_id, ', '
  ORDER BY
    r.ecosystem_id) AS roles
FROM app_user AS u
LEFT JOIN user_role AS r
  USING (username)
GROUP BY
  1,
  2
ORDER BY
  1
