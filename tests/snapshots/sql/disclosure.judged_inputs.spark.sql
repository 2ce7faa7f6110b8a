SELECT
  i.input_id,
  i.ecosystem_id,
  i.indicator,
  i.breakdown,
  i.year,
  i.value,
  i.unit,
  i.region,
  i.source,
  i.kind,
  i.confidential,
  i.units,
  i.largest_share,
  i.top2_share,
  i.top3_share,
  i.contributor_set,
  i.entered_by,
  i.batch_id,
  b.imported_at,
  b.file,
  i.superseded_at,
  i.superseded_by
FROM indicator_input AS i
JOIN import_batch AS b
  USING (batch_id)
ORDER BY
  i.ecosystem_id NULLS LAST,
  i.indicator NULLS LAST,
  i.year NULLS LAST,
  i.breakdown NULLS LAST,
  i.input_id NULLS LAST
