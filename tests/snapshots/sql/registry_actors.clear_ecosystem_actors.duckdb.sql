DELETE FROM ecosystem_actor
