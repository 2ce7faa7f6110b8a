INSERT INTO openalex_work
SELECT
  work_id,
  NULLIF(LOWER(REGEXP_REPLACE(TRIM(doi), '^https?://(dx\.)?doi\.org/', '')), ''),
  COALESCE(title, display_name),
  publication_year,
  type,
  open_access.is_oa,
  open_access.oa_status,
  COALESCE(primary_location.source.display_name, host_venue.display_name),
  CASE
    WHEN NOT primary_location IS NULL OR NOT topics IS NULL
    THEN '2025'
    WHEN NOT host_venue IS NULL OR NOT concepts IS NULL
    THEN '2022'
    ELSE 'unknown'
  END,
  ?,
  _row
FROM stg_openalex_w
