SELECT
  q.pic,
  ANY_VALUE(o.label) AS label,
  ANY_VALUE(o.activity_type) AS activity_type,
  ANY_VALUE(o.sme) AS sme,
  ANY_VALUE(
    CASE o.activity_type
      WHEN 'HES'
      THEN 'university'
      WHEN 'REC'
      THEN 'research_organisation'
      WHEN 'PRC'
      THEN (
        CASE
          WHEN o.sme
          THEN 'sme'
          WHEN NOT o.sme
          THEN 'large_firm'
          ELSE 'firm_unknown_size'
        END
      )
      WHEN 'PUB'
      THEN 'public_body'
      ELSE 'other'
    END
  ) AS type,
  ANY_VALUE(q.country) AS country,
  COUNT(DISTINCT q.project_key) AS projects,
  MIN(pr.start_year) AS first_year,
  MAX(pr.start_year) AS last_year,
  BOOL_OR(CAST(pr.start_year < ? AS BOOLEAN)) AS before,
  BOOL_OR(CAST(pr.start_year >= ? AS BOOLEAN)) AS during
FROM participation AS p
JOIN participation AS q
  ON q.project_key = p.project_key AND q.pic <> p.pic
JOIN project AS pr
  ON pr.project_key = p.project_key
JOIN organisation AS o
  ON o.pic = q.pic
WHERE
  p.pic IN (
    SELECT
      UNNEST(CAST(? AS BIGINT[]))
  )
  AND NOT q.pic IN (
    SELECT
      UNNEST(CAST(? AS BIGINT[]))
  )
GROUP BY
  q.pic
ORDER BY
  projects DESC,
  q.pic
