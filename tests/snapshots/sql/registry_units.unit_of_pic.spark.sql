SELECT
  u.unit,
  u.unit_key,
  u.unit_name,
  COLLECT_LIST(v.pic) AS pics
FROM analysis_unit AS u
JOIN analysis_unit AS v
  ON v.unit = u.unit
WHERE
  u.pic = ?
GROUP BY
  1,
  2,
  3
