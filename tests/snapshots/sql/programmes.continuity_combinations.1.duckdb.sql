SELECT
  programmes,
  COUNT(*) AS organisations
FROM (
  SELECT
    pic,
    ARRAY_AGG(DISTINCT framework ORDER BY framework) AS programmes
  FROM scope
  WHERE
    ecosystem_id = ?
  GROUP BY
    pic
)
GROUP BY
  programmes
ORDER BY
  2 DESC
