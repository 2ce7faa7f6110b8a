INSERT INTO registry_org
WITH ror AS (
  SELECT
    *
  FROM ror_record
  QUALIFY
    ROW_NUMBER() OVER (PARTITION BY ror_id ORDER BY batch_id DESC) = 1
), parent AS (
  SELECT
    ror_id,
    MIN(related_id) AS parent
  FROM ror_relationship
  WHERE
    rel_type = 'parent'
  GROUP BY
    1
), per_ror AS (
  SELECT
    k.ror_id,
    SUM(o.participations) AS n,
    LISTAGG(DISTINCT k.method, '; '
    ORDER BY
      k.method) AS methods
  FROM _links AS k
  JOIN organisation AS o
    USING (pic)
  GROUP BY
    1
)
SELECT
  'ror:' || r.ror_id,
  r.name,
  r.types,
  r.country_code,
  r.city,
  r.municipality,
  r.nuts3_code,
  r.lat,
  r.lng,
  CASE WHEN NOT p.parent IS NULL THEN 'ror:' || p.parent END,
  COALESCE(pr.n, 0),
  CASE WHEN pr.ror_id IS NULL THEN 'ror only' ELSE 'ror + pic: ' || pr.methods END
FROM ror AS r
LEFT JOIN parent AS p
  USING (ror_id)
LEFT JOIN per_ror AS pr
  USING (ror_id)
UNION ALL
SELECT
  'pic:' || o.pic,
  o.label,
  o.actor_type,
  o.country,
  o.city,
  loc.municipality,
  o.nuts_code,
  NULL,
  NULL,
  NULL,
  o.participations + COALESCE(vg.n, 0),
  CASE WHEN vg.n IS NULL THEN 'pic only' ELSE 'pics with one VAT number' END
FROM organisation AS o
/* the PICs without a ROR link */
LEFT JOIN org_location AS loc
  USING (pic)
LEFT JOIN (
  SELECT
    v.lead,
    SUM(x.participations) AS n
  FROM _vlead AS v
  JOIN organisation AS x
    USING (pic)
  WHERE
    v.pic <> v.lead
  GROUP BY
    1
) AS vg
  ON vg.lead = o.pic
WHERE
  NOT o.pic IN (
    SELECT
      pic
    FROM _links
  )
  AND NOT o.pic IN (
    SELECT
      pic
    FROM _vlead
    WHERE
      pic <> lead
  )
