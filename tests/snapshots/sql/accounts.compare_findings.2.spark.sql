SELECT
  COALESCE(x.kind, y.kind) AS kind,
  COALESCE(x.code, y.code) AS code,
  x.verdict AS a,
  y.verdict AS b
FROM (
  SELECT
    kind,
    code,
    verdict
  FROM snapshot_finding
  WHERE
    snapshot_id = 0
) AS x
FULL OUTER JOIN (
  SELECT
    kind,
    code,
    verdict
  FROM finding
  WHERE
    ecosystem_id = 0
) AS y
  ON x.kind = y.kind AND x.code = y.code
ORDER BY
  kind NULLS LAST,
  code NULLS LAST
