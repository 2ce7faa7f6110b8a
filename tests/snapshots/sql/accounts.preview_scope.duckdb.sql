CREATE OR REPLACE TEMPORARY TABLE _preview AS
SELECT
  'x' AS ecosystem_id,
  1 AS pic,
  'p' AS project_key
