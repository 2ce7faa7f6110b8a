DROP TABLE IF EXISTS stg_openalex_w
