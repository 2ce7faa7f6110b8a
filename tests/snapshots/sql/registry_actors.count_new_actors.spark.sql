SELECT
  COUNT(*)
FROM user_actor
WHERE
  NOT actor_id IN (
    SELECT
      left_id
    FROM org_match
    WHERE
      left_scheme = 'actor' AND status IN ('matched', 'accepted')
  )
