SELECT DISTINCT
  s.ecosystem_id,
  COALESCE(u.unit, s.pic) AS pic
FROM _scope AS s
LEFT JOIN analysis_unit AS u
  ON u.pic = s.pic
