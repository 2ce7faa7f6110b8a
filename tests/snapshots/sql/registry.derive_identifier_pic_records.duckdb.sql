INSERT INTO registry_identifier
SELECT
  COALESCE('ror:' || l.ror_id, 'pic:' || COALESCE(vl.lead, f.pic)),
  'pic',
  CAST(f.pic AS TEXT),
  f.framework,
  f.source
FROM (
  SELECT DISTINCT
    r.pic,
    CASE
      WHEN b.dataset LIKE '%fp7%'
      THEN 'FP7'
      WHEN b.dataset LIKE '%h2020%'
      THEN 'H2020'
    END AS framework,
    b.dataset AS source
  FROM organisation_record AS r
  JOIN import_batch AS b
    USING (batch_id)
  WHERE
    b.dataset <> 'cordis participations'
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
