SELECT
  CASE
    WHEN l.method LIKE 'unplaced%' OR l.method IS NULL
    THEN 'not placed'
    ELSE l.method
  END AS placed_by,
  COUNT(*) AS organisations,
  SUM(o.participations) AS participations
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
LEFT JOIN import_batch AS b
  ON b.batch_id = o.name_batch_id
WHERE
  o.country = 'NL' AND o.participations > 0
GROUP BY
  1
ORDER BY
  (
    placed_by = 'not placed'
  ) NULLS LAST,
  2 DESC,
  1 NULLS LAST
