CREATE OR REPLACE TEMPORARY TABLE _vlead AS
SELECT
  pic,
  lead
FROM (
  SELECT
    CAST(left_id AS BIGINT) AS pic,
    right_id AS vat,
    MIN(CAST(left_id AS BIGINT)) OVER (PARTITION BY right_id) AS lead
  FROM org_match
  WHERE
    left_scheme = 'pic' AND right_scheme = 'vat' AND status IN ('matched', 'accepted')
  QUALIFY
    ROW_NUMBER() OVER (PARTITION BY left_id ORDER BY right_id) = 1
) AS g
WHERE
  NOT g.pic IN (
    SELECT
      pic
    FROM _links
  )
  AND NOT g.lead IN (
    SELECT
      pic
    FROM _links
  )
