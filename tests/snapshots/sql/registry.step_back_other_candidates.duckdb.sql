UPDATE org_match AS m SET status = 'uncertain'
WHERE
  m.status = 'matched'
  AND EXISTS(
    SELECT
      1
    FROM org_match AS a
    WHERE
      a.status = 'accepted'
      AND a.left_scheme = m.left_scheme
      AND a.left_id = m.left_id
      AND a.right_id <> m.right_id
  )
