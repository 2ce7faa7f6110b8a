INSERT INTO import_batch
VALUES
  (
    NEXTVAL('batch_seq'),
    'web',
    ?,
    'browser',
    ?,
    CAST(NOW() AS TIMESTAMP),
    1,
    NULL,
    'the ecosystem''s own data, entered in the browser'
  )
RETURNING batch_id
