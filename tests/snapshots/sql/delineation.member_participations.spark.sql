SELECT
  m.ecosystem_id,
  p.project_key,
  p.pic,
  p.role,
  p.activity_type,
  p.sme,
  p.ec_contribution,
  p.country,
  p.batch_id
FROM participation AS p
JOIN ecosystem_member AS m
  ON m.pic = p.pic
