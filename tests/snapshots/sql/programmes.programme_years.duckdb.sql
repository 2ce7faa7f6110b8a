SELECT
  pr.framework,
  pr.start_year,
  COUNT(*) AS participations
FROM participation AS p
JOIN project AS pr
  USING (project_key)
WHERE
  NOT pr.start_year IS NULL
GROUP BY
  1,
  2
ORDER BY
  1,
  2
