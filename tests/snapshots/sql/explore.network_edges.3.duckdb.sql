WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = ? AND start_year >= ?
), q AS (
  SELECT DISTINCT
    p.project_key,
    p.pic
  FROM participation AS p
  WHERE
    p.project_key IN (
      SELECT
        project_key
      FROM s
    )
), m AS (
  SELECT
    pic
  FROM ecosystem_member
  WHERE
    ecosystem_id = ?
), pairs AS (
  SELECT
    LEAST(s.pic, q.pic) AS a,
    GREATEST(s.pic, q.pic) AS b,
    s.project_key
  FROM s
  JOIN q
    ON q.project_key = s.project_key AND q.pic <> s.pic
  WHERE
    NOT q.pic IN (
      SELECT
        pic
      FROM m
    ) OR s.pic < q.pic
)
SELECT
  a,
  b,
  COUNT(DISTINCT project_key) AS w
FROM pairs
JOIN organisation AS oa
  ON oa.pic = a
JOIN organisation AS ob
  ON ob.pic = b
WHERE
  TRUE
  AND oa.activity_type IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
  AND ob.activity_type IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
GROUP BY
  a,
  b
ORDER BY
  a,
  b
