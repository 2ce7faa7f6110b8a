SELECT
  COUNT(*)
FROM user_actor
