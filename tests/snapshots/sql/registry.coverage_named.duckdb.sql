SELECT
  CASE WHEN o.name IS NULL THEN 'not named by any source' ELSE b.dataset END AS named_by,
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
    named_by = 'not named by any source'
  ),
  2 DESC,
  1
