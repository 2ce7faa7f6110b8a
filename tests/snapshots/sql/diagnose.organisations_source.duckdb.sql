SELECT
  ANY_VALUE(source)
FROM indicator_value
WHERE
  ecosystem_id = ? AND indicator = '29'
