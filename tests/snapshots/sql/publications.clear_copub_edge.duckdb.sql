DELETE FROM copub_edge
