SELECT
  _row,
  "Perioden"
FROM stg_statline
WHERE
  NOT COALESCE(REGEXP_MATCHES(TRIM("Perioden"), '^[0-9]{4}(JJ00|KW0[1-4]|MM[0-9]{2})$'), FALSE)
ORDER BY
  _row
LIMIT 1
