WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = ? AND start_year >= ? AND start_year <= ?
)
SELECT DISTINCT
  o.pic
FROM s
JOIN organisation AS o
  USING (pic)
WHERE
  TRUE AND o.activity_type IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
