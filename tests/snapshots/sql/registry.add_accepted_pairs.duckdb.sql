INSERT INTO org_match
SELECT
  d.left_scheme,
  d.left_id,
  d.right_scheme,
  d.right_id,
  NULL,
  'review decision',
  'accepted',
  JSON_OBJECT('decided_by', d.decided_by, 'note', d.note, 'file', d.file),
  CAST(NOW() AS TIMESTAMP)
FROM _dec AS d
WHERE
  d.decision = 'accept'
  AND NOT EXISTS(
    SELECT
      1
    FROM org_match AS m
    WHERE
      d.left_scheme = m.left_scheme
      AND d.left_id = m.left_id
      AND d.right_scheme = m.right_scheme
      AND d.right_id = m.right_id
  )
