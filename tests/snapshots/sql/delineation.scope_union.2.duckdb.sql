SELECT
  CAST(NULL AS TEXT) AS ecosystem_id,
  CAST(NULL AS BIGINT) AS pic,
  CAST(NULL AS TEXT) AS project_key
WHERE
  1 = 0
