SELECT
  MIN(r)
FROM (
  SELECT
    _row AS r
  FROM stg_openalex_w
  WHERE
    NOT publication_year IS NULL
    AND (
      publication_year < 1000 OR publication_year > 2100
    )
  UNION ALL
  SELECT
    _row
  FROM (
    SELECT
      _row,
      UNNEST(a.institutions) AS i
    FROM (
      SELECT
        _row,
        UNNEST(authorships) AS a
      FROM stg_openalex_w
    )
  )
  WHERE
    NOT i.country_code IS NULL
    AND NOT REGEXP_FULL_MATCH(i.country_code, '[A-Za-z]{2}')
)
