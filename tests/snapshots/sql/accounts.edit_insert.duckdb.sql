INSERT INTO edit_log
VALUES
  (
    NEXTVAL('edit_seq'),
    CAST(NOW() AS TIMESTAMP),
    ?,
    ?,
    ?,
    CAST(? AS JSON),
    ?,
    ?,
    CAST(? AS JSON),
    CAST(? AS JSON),
    ?,
    ?,
    NULL
  )
RETURNING edit_id
