WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'delft' AND framework = 'H2020'
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  USING (pic)
WHERE
  TRUE
