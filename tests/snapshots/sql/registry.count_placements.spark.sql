SELECT
  COUNT(*)
FROM _rplace
