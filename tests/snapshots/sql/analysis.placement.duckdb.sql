SELECT
  CASE
    WHEN l.method LIKE 'unplaced: city not recognised%'
    THEN 'unplaced: city not recognised'
    ELSE l.method
  END AS method,
  COUNT(*) AS organisations,
  SUM(o.participations) AS participations
FROM org_location AS l
JOIN organisation AS o
  USING (pic)
WHERE
  o.participations > 0
GROUP BY
  1
ORDER BY
  2 DESC,
  1
