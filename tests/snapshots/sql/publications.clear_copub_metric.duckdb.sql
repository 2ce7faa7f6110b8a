DELETE FROM copub_metric
