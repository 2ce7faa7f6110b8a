WITH k AS (
  SELECT
    CAST(value AS BIGINT) AS pic,
    MIN(org_key) AS org_key
  FROM registry_identifier
  WHERE
    scheme = 'pic'
  GROUP BY
    1
), p AS (
  SELECT
    COALESCE(k.org_key, 'pic:' || o.pic) AS org_key,
    o.participations,
    NOT o.name IS NULL AS named,
    NOT (
      l.method LIKE 'unplaced%' OR l.method IS NULL
    ) AS placed,
    l.method = 'ROR record (registry match)' AS placed_by_registry
  FROM organisation AS o
  LEFT JOIN k
    USING (pic)
  LEFT JOIN org_location AS l
    USING (pic)
  LEFT JOIN import_batch AS b
    ON b.batch_id = o.name_batch_id
  WHERE
    o.country = 'NL' AND o.participations > 0
)
SELECT
  COUNT(DISTINCT org_key) AS organisations,
  COUNT(DISTINCT org_key) FILTER(WHERE
    named) AS named,
  COUNT(DISTINCT org_key) FILTER(WHERE
    placed) AS placed,
  COUNT(DISTINCT org_key) FILTER(WHERE
    placed AND NOT placed_by_registry) AS placed_before,
  COUNT(DISTINCT org_key) FILTER(WHERE
    org_key LIKE 'ror:%') AS linked_to_ror
FROM p
