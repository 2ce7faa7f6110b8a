SELECT
  programmes,
  COUNT(*) AS organisations
FROM (
  SELECT
    pic,
    COLLECT_LIST(DISTINCT framework) AS programmes
  FROM scope
  WHERE
    ecosystem_id = 'nl'
  GROUP BY
    pic
)
GROUP BY
  programmes
ORDER BY
  2 DESC
