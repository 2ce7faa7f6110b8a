DROP TABLE stg_actors
