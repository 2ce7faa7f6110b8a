WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'delft' AND start_year >= 2016 AND start_year <= 2018
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  USING (pic)
WHERE
  TRUE
  AND o.activity_type IN (
    SELECT
      EXPLODE(CAST(ARRAY('HES', 'PRC') AS ARRAY<STRING>))
  )
