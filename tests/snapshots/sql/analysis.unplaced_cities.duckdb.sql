SELECT
  o.city,
  COUNT(*) AS organisations
FROM org_location AS l
JOIN organisation AS o
  USING (pic)
WHERE
  o.participations > 0 AND l.method LIKE 'unplaced: city%'
GROUP BY
  1
ORDER BY
  2 DESC,
  1
