WITH py AS (
  SELECT DISTINCT
    q.pic,
    pr.start_year AS year
  FROM participation AS p
  JOIN participation AS q
    ON q.project_key = p.project_key AND q.pic <> p.pic
  JOIN project AS pr
    ON pr.project_key = p.project_key
  WHERE
    p.pic = ? AND NOT pr.start_year IS NULL
), first AS (
  SELECT
    pic,
    MIN(year) AS first_year
  FROM py
  GROUP BY
    1
)
SELECT
  year,
  COUNT(*) AS partners,
  COUNT(*) FILTER(WHERE
    year = first_year) AS new,
  COUNT(*) FILTER(WHERE
    year > first_year) AS repeat
FROM py
JOIN first
  USING (pic)
GROUP BY
  year
ORDER BY
  year
