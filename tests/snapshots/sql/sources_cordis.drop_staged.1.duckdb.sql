DROP TABLE IF EXISTS main.stg_project
