SELECT
  ANY_VALUE(source) IGNORE NULLS
FROM indicator_value
WHERE
  ecosystem_id = ? AND indicator = '29'
