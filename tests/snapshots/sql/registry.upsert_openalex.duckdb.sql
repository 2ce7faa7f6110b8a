INSERT OR REPLACE INTO openalex_institution
SELECT
  openalex_id,
  ANY_VALUE(ror_id),
  ANY_VALUE(name),
  ANY_VALUE(country_code),
  ANY_VALUE(type),
  ?,
  CAST(NOW() AS TIMESTAMP)
FROM (
  SELECT
    UNNEST(CAST(? AS TEXT[])) AS openalex_id,
    UNNEST(CAST(? AS TEXT[])) AS ror_id,
    UNNEST(CAST(? AS TEXT[])) AS name,
    UNNEST(CAST(? AS TEXT[])) AS country_code,
    UNNEST(CAST(? AS TEXT[])) AS type
)
GROUP BY
  openalex_id
