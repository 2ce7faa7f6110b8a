WITH x AS (
  SELECT DISTINCT
    pic
  FROM (
    SELECT
      pic
    FROM snapshot_member
    WHERE
      snapshot_id = 0
  )
), y AS (
  SELECT DISTINCT
    pic
  FROM (
    SELECT
      pic
    FROM snapshot_member
    WHERE
      snapshot_id = 0
  )
), d AS (
  SELECT
    'entered' AS change,
    pic
  FROM y
  WHERE
    NOT pic IN (
      SELECT
        pic
      FROM x
    )
  UNION ALL
  SELECT
    'left',
    pic
  FROM x
  WHERE
    NOT pic IN (
      SELECT
        pic
      FROM y
    )
)
SELECT
  change,
  pic,
  label,
  participations,
  COUNT(*) OVER (PARTITION BY change) AS total
FROM (
  SELECT
    d.change,
    d.pic,
    COALESCE(o.label, 'PIC ' || d.pic) AS label,
    COALESCE(o.participations, 0) AS participations,
    ROW_NUMBER() OVER (
      PARTITION BY d.change
      ORDER BY COALESCE(o.participations, 0) DESC, d.pic NULLS LAST
    ) AS rn
  FROM d
  LEFT JOIN organisation AS o
    ON o.pic = d.pic
)
WHERE
  rn <= 50
ORDER BY
  change NULLS LAST,
  participations DESC,
  pic NULLS LAST
