INSERT INTO project_part
SELECT
  key,
  part,
  ?,
  MIN(_row)
FROM (
  SELECT
    p.project_key AS key,
    (
      SELECT
        part
      FROM (VALUES
        ('CL5', 'HORIZON.2.5'),
        ('HE-ERC', 'HORIZON.1.1')) AS pp(part, prefix)
      WHERE
        STARTS_WITH(TRIM(l.legalBasis), prefix)
      ORDER BY
        LENGTH(prefix) DESC
      LIMIT 1
    ) AS part,
    l._row
  FROM stg_legalbasis AS l
  JOIN project AS p
    ON p.grant_id = TRIM(l.projectID)
    AND p.framework = CASE
      WHEN STARTS_WITH(TRIM(l.legalBasis), 'HORIZON')
      THEN 'HORIZON'
      WHEN STARTS_WITH(TRIM(l.legalBasis), 'H2020')
      THEN 'H2020'
      WHEN STARTS_WITH(TRIM(l.legalBasis), 'FP7')
      THEN 'FP7'
    END
) AS x
WHERE
  NOT part IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM project_part AS pp
    WHERE
      pp.project_key = x.key AND pp.programme_part = x.part
  )
GROUP BY
  key,
  part
