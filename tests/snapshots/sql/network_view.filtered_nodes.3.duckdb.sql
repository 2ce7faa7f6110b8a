WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = ? AND framework = ?
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  ON o.pic = s.pic
WHERE
  TRUE
ORDER BY
  o.pic
