SELECT
  COUNT(*)
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.participations > 0
  AND (
    o.label ILIKE '%delft%' OR o.short_name ILIKE '%delft%'
  )
  AND (
    o.city ILIKE 'Delft' OR l.municipality ILIKE 'Delft'
  )
  AND o.country = 'NL'
