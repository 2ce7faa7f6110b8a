UPDATE org_location AS l SET municipality_code = p.code, municipality = p.name, corop_code = p.corop_code, corop = p.corop, province_code = p.province_code, province = p.province, knowledge_city = p.kcity, method = 'ROR record (registry match)'
FROM _rplace AS p
WHERE
  p.pic = l.pic
