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
  USING (pic)
WHERE
  TRUE
