UPDATE org_match AS m SET status = CASE d.decision WHEN 'accept' THEN 'accepted' ELSE 'rejected' END
FROM _dec AS d
WHERE
  d.left_scheme = m.left_scheme
  AND d.left_id = m.left_id
  AND d.right_scheme = m.right_scheme
  AND d.right_id = m.right_id
