SELECT
  COUNT(*)
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.participations > 0
  AND (
    o.label ILIKE ? OR o.short_name ILIKE ?
  )
  AND (
    o.city ILIKE ? OR l.municipality ILIKE ?
  )
  AND o.country = ?
