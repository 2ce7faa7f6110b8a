SELECT DISTINCT
  a.pic AS a,
  b.pic AS b
FROM participation AS a
JOIN participation AS b
  ON a.project_key = b.project_key AND a.pic <> b.pic
