SELECT
  code,
  kind,
  verdict,
  score,
  evidence,
  explanation_en,
  explanation_nl
FROM finding
WHERE
  ecosystem_id = ?
ORDER BY
  kind,
  CASE
    WHEN code LIKE 'challenge-%'
    THEN LPAD(SPLIT_PART(code, '-', 2), 2, '0')
    ELSE code
  END
