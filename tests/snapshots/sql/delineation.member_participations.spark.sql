SELECT
  m.ecosystem_id,
  p.project_key,
  m.pic,
  p.role,
  p.activity_type,
  p.sme,
  p.ec_contribution,
  p.country,
  p.batch_id
FROM (
  SELECT
    p.*,
    COALESCE(u.unit, p.pic) AS unit
  FROM participation AS p
  LEFT JOIN analysis_unit AS u
    ON u.pic = p.pic
) AS p
JOIN ecosystem_member AS m
  ON m.pic = p.unit
