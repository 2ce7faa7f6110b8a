INSERT INTO organisation_record
SELECT
  CAST(pic AS BIGINT),
  4,
  ARG_MIN(NULLIF(TRIM(legal_name), ''), _row),
  NULL,
  ARG_MIN(UPPER(TRIM(legal_entity_type)), _row),
  NULL,
  NULL,
  NULL,
  ARG_MIN(NULLIF(TRIM(city), ''), _row),
  ARG_MIN(
    CASE UPPER(TRIM(country_code))
      WHEN 'UK'
      THEN 'GB'
      WHEN 'EL'
      THEN 'GR'
      ELSE UPPER(TRIM(country_code))
    END,
    _row
  ),
  NULL,
  NULL,
  ?,
  MIN(_row)
FROM stg_dashboard
GROUP BY
  CAST(pic AS BIGINT)
