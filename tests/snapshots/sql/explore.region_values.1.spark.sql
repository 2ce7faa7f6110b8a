SELECT
  l.province_code,
  COUNT(DISTINCT p.pic)
FROM participation AS p
JOIN org_location AS l
  USING (pic)
WHERE
  NOT l.province_code IS NULL
GROUP BY
  1
