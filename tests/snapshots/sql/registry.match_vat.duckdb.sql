INSERT INTO org_match
WITH v AS (
  SELECT DISTINCT
    v.pic,
    v.vat
  FROM organisation_vat AS v
  SEMI JOIN organisation AS o
    ON o.pic = v.pic
), g AS (
  SELECT
    vat,
    ARRAY_AGG(pic ORDER BY pic) AS pics
  FROM v
  GROUP BY
    vat
  HAVING
    COUNT(*) >= 2
)
SELECT
  'pic',
  CAST(v.pic AS TEXT),
  'vat',
  v.vat,
  100,
  'deterministic: same VAT number',
  'matched',
  JSON_OBJECT('left_name', o.label, 'vat', v.vat, 'pics', g.pics),
  CAST(NOW() AS TIMESTAMP)
FROM v
JOIN g
  USING (vat)
JOIN organisation AS o
  ON o.pic = v.pic
