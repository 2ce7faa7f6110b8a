WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = ? AND start_year <= ?
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  ON o.pic = s.pic
WHERE
  TRUE AND ARRAY_CONTAINS(CAST(? AS TEXT[]), o.activity_type)
ORDER BY
  o.pic
