WITH p AS (
  SELECT
    e.ecosystem_id,
    e.project_key,
    MAX(CASE WHEN q.activity_type IN ('HES', 'REC') THEN 1 ELSE 0 END) AS u,
    MAX(CASE WHEN q.activity_type = 'PRC' THEN 1 ELSE 0 END) AS i,
    MAX(CASE WHEN q.activity_type = 'PUB' THEN 1 ELSE 0 END) AS g,
    MAX(CASE WHEN q.activity_type = 'OTH' THEN 1 ELSE 0 END) AS c
  FROM ecosystem_project AS e
  JOIN participation AS q
    USING (project_key)
  GROUP BY ALL
)
SELECT
  ecosystem_id,
  u,
  i,
  g,
  c,
  COUNT(*)
FROM p
GROUP BY ALL
ORDER BY
  1 NULLS LAST
