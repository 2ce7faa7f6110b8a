SELECT
  s.snapshot_id,
  s.ecosystem_id,
  s.label,
  s.created_at,
  s.created_by,
  (
    SELECT
      COUNT(*)
    FROM snapshot_member AS m
    WHERE
      m.snapshot_id = s.snapshot_id
  ) AS members,
  (
    SELECT
      COUNT(*)
    FROM snapshot_indicator AS i
    WHERE
      i.snapshot_id = s.snapshot_id
  ) AS indicators,
  (
    SELECT
      COUNT(*)
    FROM snapshot_input AS i
    WHERE
      i.snapshot_id = s.snapshot_id
  ) AS inputs
FROM snapshot AS s
WHERE
  s.ecosystem_id = ?
ORDER BY
  s.created_at NULLS LAST,
  s.snapshot_id NULLS LAST
