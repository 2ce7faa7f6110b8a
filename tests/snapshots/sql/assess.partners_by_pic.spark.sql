SELECT
  q.pic,
  ANY_VALUE(o.label) IGNORE NULLS AS label,
  ANY_VALUE(o.activity_type) IGNORE NULLS AS activity_type,
  ANY_VALUE(o.sme) IGNORE NULLS AS sme,
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
  ) IGNORE NULLS AS type,
  ANY_VALUE(q.country) IGNORE NULLS AS country,
  COUNT(DISTINCT q.project_key) AS projects,
  MIN(pr.start_year) AS first_year,
  MAX(pr.start_year) AS last_year,
  BOOL_OR(pr.start_year < ?) AS before,
  BOOL_OR(pr.start_year >= ?) AS during
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
      EXPLODE(CAST(? AS ARRAY<BIGINT>))
  )
  AND NOT q.pic IN (
    SELECT
      EXPLODE(CAST(? AS ARRAY<BIGINT>))
  )
GROUP BY
  q.pic
ORDER BY
  projects DESC,
  q.pic NULLS LAST
