INSERT INTO registry_identifier
SELECT
  COALESCE('ror:' || l.ror_id, 'pic:' || COALESCE(vl.lead, f.pic)),
  'pic',
  CAST(f.pic AS TEXT),
  f.framework,
  f.source
FROM (
  SELECT DISTINCT
    p.pic,
    pr.framework,
    'cordis participations' AS source
  FROM participation AS p
  JOIN project AS pr
    USING (project_key)
) AS f
LEFT JOIN _links AS l
  USING (pic)
LEFT JOIN _vlead AS vl
  USING (pic)
WHERE
  f.pic IN (
    SELECT
      pic
    FROM organisation
  )
