SELECT
  COUNT(*) AS organisations,
  COALESCE(SUM(o.participations), 0) AS participations
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
LEFT JOIN import_batch AS b
  ON b.batch_id = o.name_batch_id
WHERE
  o.country = 'NL' AND o.participations > 0
