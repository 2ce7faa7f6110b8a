WITH mine AS (
  SELECT
    p.project_key,
    pr.acronym,
    pr.title,
    pr.start_year,
    p.role,
    p.ec_contribution
  FROM participation AS p
  JOIN project AS pr
    USING (project_key)
  WHERE
    p.pic = ?
  ORDER BY
    pr.start_year DESC,
    p.project_key
  LIMIT ?
), parts AS (
  SELECT
    project_key,
    LISTAGG(programme_part, ', '
    ORDER BY
      programme_part) AS programme_parts
  FROM project_part
  WHERE
    project_key IN (
      SELECT
        project_key
      FROM mine
    )
  GROUP BY
    1
), sizes AS (
  SELECT
    project_key,
    COUNT(*) AS participants
  FROM participation
  WHERE
    project_key IN (
      SELECT
        project_key
      FROM mine
    )
  GROUP BY
    1
)
SELECT
  mine.*,
  parts.programme_parts,
  sizes.participants
FROM mine
LEFT JOIN parts
  USING (project_key)
LEFT JOIN sizes
  USING (project_key)
ORDER BY
  mine.start_year DESC,
  mine.project_key
