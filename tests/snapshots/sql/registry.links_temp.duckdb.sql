CREATE OR REPLACE TEMPORARY TABLE _links AS
WITH l AS (
  SELECT
    CAST(left_id AS BIGINT) AS pic,
    right_id AS ror_id,
    method
  FROM org_match
  WHERE
    left_scheme = 'pic' AND right_scheme = 'ror' AND status IN ('accepted', 'matched')
  QUALIFY
    ROW_NUMBER() OVER (
      PARTITION BY left_id
      ORDER BY (
        status = 'accepted'
      ) DESC, score DESC NULLS FIRST, right_id
    ) = 1
), g AS (
  SELECT
    CAST(left_id AS BIGINT) AS pic,
    right_id AS vat,
    MIN(CAST(left_id AS BIGINT)) OVER (PARTITION BY right_id) AS lead
  FROM org_match
  WHERE
    left_scheme = 'pic' AND right_scheme = 'vat' AND status IN ('matched', 'accepted')
  QUALIFY
    ROW_NUMBER() OVER (PARTITION BY left_id ORDER BY right_id) = 1
), gr AS (
  SELECT
    g.vat,
    MIN(l.ror_id) AS ror_id
  FROM g
  JOIN l
    USING (pic)
  GROUP BY
    1
  HAVING
    COUNT(DISTINCT l.ror_id) = 1
)
SELECT
  pic,
  ror_id,
  method
FROM l
UNION ALL
SELECT
  g.pic,
  gr.ror_id,
  'deterministic: same VAT number as a PIC linked to ROR'
FROM g
JOIN gr
  USING (vat)
WHERE
  NOT g.pic IN (
    SELECT
      pic
    FROM l
  )
