INSERT INTO registry_identifier
SELECT DISTINCT
  COALESCE('ror:' || l.ror_id, 'pic:' || COALESCE(vl.lead, f.pic)),
  'vat',
  f.vat,
  NULL,
  b.dataset
FROM organisation_vat AS f
JOIN import_batch AS b
  USING (batch_id)
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
