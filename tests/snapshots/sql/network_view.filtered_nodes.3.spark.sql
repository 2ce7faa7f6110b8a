WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'nl' AND framework = 'H2020'
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  ON o.pic = s.pic
WHERE
  TRUE
ORDER BY
  o.pic NULLS LAST
