INSERT INTO rule_entry
SELECT
  e,
  LOWER(TRIM(s.rule_type)),
  LOWER(TRIM(s.rule_type)) IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  ),
  TRIM(s.title),
  NULLIF(TRIM(s.text), ''),
  CAST(LEFT(TRIM(s.date), 10) AS DATE),
  TRIM(s.source),
  ev.evidence,
  NULLIF(TRIM(s.challenges), ''),
  COALESCE(NULLIF(LOWER(TRIM(s.effect)), ''), 'neutral'),
  NULLIF(LOWER(TRIM(s.status)), ''),
  TRIM(s.author),
  ?,
  s._row + 1
FROM stg_rules AS s
JOIN (
  SELECT
    UNNEST(CAST(? AS BIGINT[])) AS _row,
    UNNEST(CAST(? AS TEXT[])) AS evidence
) AS ev
  USING (_row)
JOIN UNNEST(LIST_DISTINCT(REGEXP_EXTRACT_ALL(LOWER(COALESCE("ecosystems", '')), '[a-z0-9][a-z0-9_-]*'))) AS t(e)
  ON TRUE
