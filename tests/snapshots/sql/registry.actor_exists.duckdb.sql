SELECT
  COUNT(*)
FROM user_actor
WHERE
  actor_id = ?
