DELETE FROM indicator_value
