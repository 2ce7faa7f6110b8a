WITH sizes AS (
  SELECT
    ecosystem_id,
    COUNT(*) AS n
  FROM ecosystem_member
  GROUP BY
    1
), shared AS (
  SELECT
    a.ecosystem_id AS a,
    b.ecosystem_id AS b,
    COUNT(*) AS shared
  FROM ecosystem_member AS a
  JOIN ecosystem_member AS b
    ON a.pic = b.pic AND a.ecosystem_id < b.ecosystem_id
  GROUP BY
    1,
    2
)
SELECT
  s.a,
  s.b,
  s.shared,
  sa.n AS members_a,
  sb.n AS members_b,
  s.shared / (
    sa.n + sb.n - s.shared
  ) AS jaccard
FROM shared AS s
JOIN sizes AS sa
  ON sa.ecosystem_id = s.a
JOIN sizes AS sb
  ON sb.ecosystem_id = s.b
WHERE
  ? IS NULL OR s.a = ? OR s.b = ?
ORDER BY
  jaccard DESC,
  s.a NULLS LAST,
  s.b NULLS LAST
