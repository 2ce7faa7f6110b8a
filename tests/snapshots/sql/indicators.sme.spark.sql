WITH g AS (
  SELECT
    ecosystem_id,
    start_year,
    CASE
      WHEN GROUPING(framework) = 0
      THEN 'programme:' || COALESCE(framework, '?')
      ELSE ''
    END AS breakdown,
    COUNT(*) FILTER(WHERE
      activity_type = 'PRC' AND sme) AS sme,
    COUNT(*) FILTER(WHERE
      activity_type = 'PRC' AND NOT sme IS NULL) AS known,
    COUNT(*) FILTER(WHERE
      activity_type = 'PRC') AS prc
  FROM scope
  GROUP BY
    GROUPING SETS (
      (
        ecosystem_id
      ),
      (ecosystem_id, start_year),
      (ecosystem_id, framework),
      (ecosystem_id, framework, start_year)
    )
  HAVING
    NOT (
      GROUPING(start_year) = 0 AND start_year IS NULL
    )
)
SELECT
  ecosystem_id,
  'sme',
  'sme_share',
  breakdown,
  start_year,
  CASE WHEN known > 0 THEN sme / known END,
  'share'
FROM g
UNION ALL
SELECT
  ecosystem_id,
  'sme',
  'sme_flag_coverage',
  breakdown,
  start_year,
  CASE WHEN prc > 0 THEN known / prc END,
  'share'
FROM g
