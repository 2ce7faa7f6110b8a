SELECT
  MIN(_row) FILTER(WHERE
    NOT "project_start_date" IS NULL
    AND CAST(TRY_STRPTIME(TRIM("project_start_date"), '%d/%m/%Y') AS DATE) IS NULL),
  ARG_MIN("project_start_date", _row) FILTER(WHERE
    NOT "project_start_date" IS NULL
    AND CAST(TRY_STRPTIME(TRIM("project_start_date"), '%d/%m/%Y') AS DATE) IS NULL),
  MIN(_row) FILTER(WHERE
    NOT "project_end_date" IS NULL
    AND CAST(TRY_STRPTIME(TRIM("project_end_date"), '%d/%m/%Y') AS DATE) IS NULL),
  ARG_MIN("project_end_date", _row) FILTER(WHERE
    NOT "project_end_date" IS NULL
    AND CAST(TRY_STRPTIME(TRIM("project_end_date"), '%d/%m/%Y') AS DATE) IS NULL)
FROM stg_dashboard
