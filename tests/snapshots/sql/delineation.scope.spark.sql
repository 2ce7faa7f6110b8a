SELECT
  s.ecosystem_id,
  s.project_key,
  s.pic,
  s.role,
  s.activity_type,
  s.sme,
  s.ec_contribution,
  s.country,
  pr.start_year,
  o.actor_type,
  s.batch_id,
  pr.framework
FROM (
  SELECT
    *
  FROM _member_part AS mp
  SEMI JOIN ecosystem_project AS e
    ON e.ecosystem_id = mp.ecosystem_id AND e.project_key = mp.project_key
) AS s
JOIN project AS pr
  ON pr.project_key = s.project_key
JOIN organisation AS o
  ON o.pic = s.pic
