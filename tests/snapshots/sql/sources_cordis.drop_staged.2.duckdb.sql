DROP TABLE IF EXISTS temp.stg_org
