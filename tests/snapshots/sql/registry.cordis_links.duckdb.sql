SELECT
  left_id,
  right_id
FROM org_match
WHERE
  left_scheme = 'pic' AND status IN ('matched', 'accepted')
QUALIFY
  ROW_NUMBER() OVER (PARTITION BY left_id ORDER BY (
    status = 'accepted'
  ) DESC, score DESC) = 1
