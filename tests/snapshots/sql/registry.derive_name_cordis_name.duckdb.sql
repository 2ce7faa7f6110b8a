INSERT INTO registry_name
SELECT DISTINCT
  COALESCE('ror:' || l.ror_id, 'pic:' || COALESCE(vl.lead, f.pic)),
  TRIM(f.name),
  'name',
  NULL,
  b.dataset
FROM organisation_record AS f
LEFT JOIN _links AS l
  USING (pic)
LEFT JOIN _vlead AS vl
  USING (pic)
JOIN import_batch AS b
  USING (batch_id)
WHERE
  NOT NULLIF(TRIM(f.name), '') IS NULL
  AND f.pic IN (
    SELECT
      pic
    FROM organisation
  )
