UPDATE stg_actors SET actor_id = TRIM(actor_id)
