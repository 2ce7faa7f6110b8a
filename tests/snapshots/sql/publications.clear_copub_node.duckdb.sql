DELETE FROM copub_node
