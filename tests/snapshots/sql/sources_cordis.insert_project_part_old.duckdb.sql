INSERT INTO project_part
SELECT
  'H2020-' || CAST(rcn AS BIGINT),
  (
    SELECT
      part
    FROM (VALUES
      ('ERC', 'H2020-EU.1.1.'),
      ('SC1', 'H2020-EU.3.1.'),
      ('HE-ERC', 'HORIZON.1.1')) AS pp(part, prefix)
    WHERE
      STARTS_WITH(programme, prefix)
    ORDER BY
      LENGTH(prefix) DESC
    LIMIT 1
  ) AS part,
  ?,
  _row
FROM stg_project_old
WHERE
  NOT part IS NULL
