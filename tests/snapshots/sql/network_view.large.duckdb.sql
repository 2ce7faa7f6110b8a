SELECT
  ecosystem_id
FROM ecosystem_member
GROUP BY
  ecosystem_id
HAVING
  COUNT(*) > ?
ORDER BY
  ecosystem_id
