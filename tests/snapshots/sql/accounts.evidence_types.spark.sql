SELECT
  ecosystem_id,
  indicator,
  CASE
    WHEN link LIKE 'doi:%' OR link LIKE 'https://doi.org/%'
    THEN 'doi'
    WHEN link LIKE 'file:%'
    THEN 'file'
    ELSE 'web'
  END AS evidence_type,
  COUNT(*) AS n
FROM (
  SELECT
    ecosystem_id,
    indicator,
    EXPLODE(FROM_JSON(evidence, '["VARCHAR"]')) AS link
  FROM qualitative_entry
  WHERE
    superseded_at IS NULL
)
GROUP BY
  1,
  2,
  3
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST
