SELECT
  activity_type,
  COUNT(*)
FROM scope
WHERE
  ecosystem_id = ?
GROUP BY
  1
