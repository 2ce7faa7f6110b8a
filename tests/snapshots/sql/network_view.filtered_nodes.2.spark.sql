WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'nl' AND start_year <= 2018
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  ON o.pic = s.pic
WHERE
  TRUE AND ARRAY_CONTAINS(CAST(ARRAY('HES') AS ARRAY<STRING>), o.activity_type)
ORDER BY
  o.pic NULLS LAST
