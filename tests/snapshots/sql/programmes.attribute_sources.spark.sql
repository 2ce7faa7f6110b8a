WITH a AS (
  SELECT
    attribute,
    value,
    priority,
    batch_id,
    source_row,
    file
  FROM organisation_attribute
  WHERE
    pic = ?
  UNION ALL
  SELECT
    f.attribute,
    f.value,
    r.priority,
    r.batch_id,
    r.source_row,
    (
      SELECT
        ANY_VALUE(x.file) IGNORE NULLS
      FROM batch_file AS x
      WHERE
        x.batch_id = r.batch_id AND x.role = 'organisations'
    ) /* the organisation file of a batch that also read a project file (project.csv + organization.csv) */
  FROM organisation_record AS r, LATERAL (
    VALUES
      ('name', r.name),
      ('nuts3_code', CASE WHEN LENGTH(TRIM(r.nuts_code)) = 5 THEN r.nuts_code END),
      ('sme', CAST(r.sme AS STRING)),
      ('city', r.city),
      ('postcode', r.postcode)
  ) AS f(attribute, value)
  WHERE
    r.pic = ?
    AND NOT f.value IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM organisation_attribute AS x
      WHERE
        x.pic = r.pic
        AND x.batch_id = r.batch_id
        AND x.source_row = r.source_row
        AND x.attribute = f.attribute
    )
), d AS (
  SELECT
    attribute,
    value,
    priority,
    batch_id,
    MIN(source_row) AS source_row,
    ANY_VALUE(file) IGNORE NULLS AS file
  FROM a
  GROUP BY
    attribute,
    value,
    priority,
    batch_id
)
SELECT
  d.attribute,
  d.value,
  b.dataset,
  COALESCE(d.file, b.file) AS file,
  d.source_row,
  d.priority,
  ROW_NUMBER() OVER (
    PARTITION BY d.attribute
    ORDER BY d.priority NULLS LAST, d.batch_id DESC, d.source_row NULLS LAST
  ) = 1 AS used
FROM d
JOIN import_batch AS b
  ON b.batch_id = d.batch_id
ORDER BY
  d.attribute NULLS LAST,
  d.priority NULLS LAST,
  d.batch_id DESC,
  d.source_row NULLS LAST
