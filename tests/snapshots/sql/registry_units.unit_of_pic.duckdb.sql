SELECT
  u.unit,
  u.unit_key,
  u.unit_name,
  ARRAY_AGG(v.pic ORDER BY v.pic) AS pics
FROM analysis_unit AS u
JOIN analysis_unit AS v
  ON v.unit = u.unit
WHERE
  u.pic = ?
GROUP BY
  1,
  2,
  3
