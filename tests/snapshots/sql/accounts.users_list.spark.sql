SELECT
  u.username,
  u.created_at,
  LISTAGG(r.role || '@' || r.ecosystem_id, ', ') WITHIN GROUP (ORDER BY
    r.ecosystem_id NULLS LAST) AS roles
FROM app_user AS u
LEFT JOIN user_role AS r
  USING (username)
GROUP BY
  1,
  2
ORDER BY
  1 NULLS LAST
