SELECT
  how,
  COUNT(*)
FROM ecosystem_actor
GROUP BY
  1
ORDER BY
  1
