SELECT
  i.facility_id,
  f.name AS facility,
  i.year,
  i.amount,
  i.currency,
  i.funder_ref,
  i.confidential,
  i.source
FROM facility_investment AS i
JOIN facility AS f
  USING (facility_id)
WHERE
  ARRAY_CONTAINS(f.ecosystems, ?)
ORDER BY
  f.name,
  i.year
