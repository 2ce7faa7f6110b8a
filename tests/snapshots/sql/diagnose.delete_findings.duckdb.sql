DELETE FROM finding
