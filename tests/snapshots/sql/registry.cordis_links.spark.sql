SELECT
  left_id,
  right_id
FROM (
  SELECT
    left_id,
    right_id,
    ROW_NUMBER() OVER (PARTITION BY left_id ORDER BY (
      status = 'accepted'
    ) DESC, score DESC) AS _w
  FROM org_match
  WHERE
    left_scheme = 'pic' AND status IN ('matched', 'accepted')
) AS _t
WHERE
  _w = 1
