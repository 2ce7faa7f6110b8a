WITH k AS (
  SELECT
    CAST(value AS BIGINT) AS pic,
    MIN(org_key) AS org_key
  FROM registry_identifier
  WHERE
    scheme = 'pic'
  GROUP BY
    1
)
SELECT
  COALESCE(ks.org_key, 'pic:' || CAST(e.source AS STRING)) AS source,
  COALESCE(kt.org_key, 'pic:' || CAST(e.target AS STRING)) AS target,
  CAST(e.projects AS DOUBLE) AS weight,
  e.fractional
FROM network_edge AS e
LEFT JOIN k AS ks
  ON ks.pic = e.source
LEFT JOIN k AS kt
  ON kt.pic = e.target
WHERE
  e.ecosystem_id = ?
