UPDATE indicator_input SET contributor_set = s.set_id
FROM (
  SELECT
    st.input_id,
    cs.set_id
  FROM stg_sets AS st
  JOIN contributor_set AS cs
    USING (digest)
) AS s
WHERE
  indicator_input.input_id = s.input_id
