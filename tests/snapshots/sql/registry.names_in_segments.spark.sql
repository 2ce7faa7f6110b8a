SELECT
  a.seg_id,
  n.ror_id,
  n.norm
FROM _affn AS a
JOIN _nm AS n
  ON CONTAINS(' ' || a.norm || ' ', ' ' || n.norm || ' ')
WHERE
  n.norm LIKE '% %'
