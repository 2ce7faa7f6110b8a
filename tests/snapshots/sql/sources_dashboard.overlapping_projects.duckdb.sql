SELECT
  MIN(s._row),
  TRIM(s.project_id),
  ANY_VALUE(b.file),
  ANY_VALUE(b.dataset)
FROM stg_dashboard AS s
JOIN project AS p
  ON p.grant_id = TRIM(s.project_id)
  AND p.framework = COALESCE(
    CASE UPPER(TRIM(s.framework_programme))
      WHEN 'FP7'
      THEN 'FP7'
      WHEN 'H2020'
      THEN 'H2020'
      WHEN 'HORIZON 2020'
      THEN 'H2020'
      WHEN 'HORIZON'
      THEN 'HORIZON'
      WHEN 'HORIZON EUROPE'
      THEN 'HORIZON'
      WHEN 'HE'
      THEN 'HORIZON'
    END,
    NULL
  )
  AND p.batch_id <> ?
JOIN import_batch AS b
  ON b.batch_id = p.batch_id
GROUP BY
  TRIM(s.project_id)
ORDER BY
  1
LIMIT 1
