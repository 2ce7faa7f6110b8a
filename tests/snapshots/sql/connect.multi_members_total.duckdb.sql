SELECT
  COUNT(*)
FROM (
  SELECT
    pic
  FROM ecosystem_member
  WHERE
    ARRAY_CONTAINS(?, ecosystem_id)
  GROUP BY
    pic
  HAVING
    COUNT(*) >= 2
)
