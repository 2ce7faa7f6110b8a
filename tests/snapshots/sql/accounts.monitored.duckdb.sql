SELECT
  ecosystem_id,
  indicator,
  SUM(n_values) AS n_values,
  SUM(n_entries) AS n_entries,
  SUM(n_targets) AS n_targets,
  MIN(first_year) AS first_year,
  MAX(last_year) AS last_year
FROM (
  SELECT
    ecosystem_id,
    indicator,
    COUNT(*) AS n_values,
    0 AS n_entries,
    0 AS n_targets,
    MIN(year) AS first_year,
    MAX(year) AS last_year
  FROM indicator_input
  WHERE
    superseded_at IS NULL
  GROUP BY
    1,
    2
  UNION ALL
  SELECT
    ecosystem_id,
    indicator,
    0,
    COUNT(*),
    0,
    NULL,
    NULL
  FROM qualitative_entry
  WHERE
    superseded_at IS NULL
  GROUP BY
    1,
    2
  UNION ALL
  SELECT
    ecosystem_id,
    indicator,
    0,
    0,
    COUNT(*),
    NULL,
    NULL
  FROM target
  WHERE
    superseded_at IS NULL
  GROUP BY
    1,
    2
)
GROUP BY
  1,
  2
ORDER BY
  1,
  2
