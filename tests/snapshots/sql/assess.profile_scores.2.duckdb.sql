WITH inst AS (
  SELECT
    o.pic,
    l.province_code
  FROM organisation AS o
  LEFT JOIN org_location AS l
    USING (pic)
  WHERE
    (
      CAST(? AS BIGINT[]) IS NULL
      AND o.activity_type = 'HES'
      AND o.country = 'NL'
      AND o.participations >= ?
    )
    OR o.pic IN (
      SELECT
        UNNEST(COALESCE(CAST(? AS BIGINT[]), []))
    )
), pp AS (
  SELECT DISTINCT
    i.pic AS inst,
    i.province_code AS home,
    q.pic AS partner,
    o.activity_type AS t,
    q.country,
    l.province_code AS prov,
    pr.start_year AS year
  FROM inst AS i
  JOIN participation AS p
    ON p.pic = i.pic
  JOIN participation AS q
    ON q.project_key = p.project_key AND q.pic <> p.pic
  JOIN project AS pr
    ON pr.project_key = p.project_key
  JOIN organisation AS o
    ON o.pic = q.pic
  LEFT JOIN org_location AS l
    ON l.pic = q.pic
), typed AS (
  SELECT
    inst,
    year,
    t,
    COUNT(*) AS n
  FROM pp
  GROUP BY ALL
), div AS (
  SELECT
    inst,
    year,
    (
      1 - SUM(n * n) / (
        SUM(n) * SUM(n)
      )
    ) / (
      1 - 1 / 5.0
    ) AS diversity
  FROM typed
  GROUP BY ALL
)
SELECT
  pp.inst AS pic,
  pp.year,
  COUNT(*) AS partners,
  AVG(CASE WHEN t = 'PRC' THEN 1 ELSE 0 END) AS firm_share,
  AVG(CASE WHEN t IN ('PUB', 'OTH') THEN 1 ELSE 0 END) AS societal_share,
  AVG(CASE WHEN country = 'NL' AND prov = home THEN 1 ELSE 0 END) AS regional_share,
  COUNT(*) FILTER(WHERE
    country = 'NL' AND prov IS NULL) AS unplaced_dutch_partners,
  ANY_VALUE(div.diversity) AS diversity
FROM pp
JOIN div
  ON div.inst = pp.inst AND div.year IS NOT DISTINCT FROM pp.year
GROUP BY
  pp.inst,
  pp.year
ORDER BY
  1,
  2
