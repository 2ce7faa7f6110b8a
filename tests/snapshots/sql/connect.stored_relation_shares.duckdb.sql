SELECT
  ecosystem_id,
  breakdown,
  value
FROM indicator_value
WHERE
  ARRAY_CONTAINS(?, ecosystem_id)
  AND measure = 'collaboration_relations'
  AND year IS NULL
  AND breakdown <> ''
  AND NOT STARTS_WITH(breakdown, 'programme:')
