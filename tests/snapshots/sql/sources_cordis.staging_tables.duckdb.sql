SELECT
  table_name,
  temporary
FROM DUCKDB_TABLES()
WHERE
  table_name LIKE 'stg\_%' ESCAPE '\'
