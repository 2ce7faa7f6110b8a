SELECT
  o.pic,
  o.label,
  o.activity_type,
  o.actor_type,
  o.country,
  o.city,
  l.municipality,
  o.participations
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
ORDER BY
  o.participations DESC,
  o.pic NULLS LAST
LIMIT 20
OFFSET 0
