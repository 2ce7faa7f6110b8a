CREATE OR REPLACE TEMPORARY TABLE stg_sets AS
WITH listed AS (
  SELECT
    input_id,
    'listed' AS kind,
    NULL AS ecosystem_id,
    LIST_SORT(LIST_DISTINCT(ARRAY_AGG(x))) AS ids
  FROM (
    SELECT
      i.input_id,
      TRIM(UNNEST(STR_SPLIT(c.contributors, '|'))) AS x
    FROM indicator_input AS i
    JOIN stg_contributors AS c
      USING (input_id)
    WHERE
      i.batch_id = ? AND i.confidential AND NOT NULLIF(TRIM(c.contributors), '') IS NULL
  )
  WHERE
    x <> ''
  GROUP BY
    input_id
), members AS (
  SELECT
    i.input_id,
    'members' AS kind,
    i.ecosystem_id,
    m.ids
  FROM indicator_input AS i
  JOIN (
    SELECT
      ecosystem_id,
      ARRAY_AGG(CAST(pic AS TEXT) ORDER BY pic) AS ids
    FROM ecosystem_member
    GROUP BY
      1
  ) AS m
    USING (ecosystem_id)
  WHERE
    i.batch_id = ?
    AND i.confidential
    AND NOT i.input_id IN (
      SELECT
        input_id
      FROM listed
    )
)
SELECT
  *,
  MD5(kind || ':' || ARRAY_TO_STRING(ids, '|')) AS digest
FROM (
  SELECT
    *
  FROM listed
  UNION ALL
  SELECT
    *
  FROM members
)
