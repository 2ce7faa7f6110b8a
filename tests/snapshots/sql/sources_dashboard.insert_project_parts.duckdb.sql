INSERT INTO project_part
SELECT
  key,
  part,
  ?,
  MIN(_row)
FROM (
  SELECT
    COALESCE(
      CASE UPPER(TRIM(framework_programme))
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
      CASE
        WHEN STARTS_WITH(legal_basis, 'FP7')
        THEN 'FP7'
        WHEN STARTS_WITH(legal_basis, 'H2020')
        THEN 'H2020'
        WHEN STARTS_WITH(legal_basis, 'HORIZON')
        THEN 'HORIZON'
        ELSE NULL
      END
    ) || '-id' || TRIM(project_id) AS key,
    (
      SELECT
        part
      FROM (VALUES
        ('ERC', 'H2020-EU.1.1.'),
        ('SC1', 'H2020-EU.3.1.')) AS pp(part, prefix)
      WHERE
        STARTS_WITH(legal_basis, prefix)
      ORDER BY
        LENGTH(prefix) DESC
      LIMIT 1
    ) AS part,
    _row
  FROM stg_cordisplus
)
WHERE
  NOT part IS NULL
GROUP BY
  key,
  part
