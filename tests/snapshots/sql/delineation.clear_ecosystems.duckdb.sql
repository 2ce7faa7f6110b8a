DELETE FROM ecosystem
