CREATE OR REPLACE TEMPORARY TABLE _links AS
SELECT
  CAST(left_id AS BIGINT) AS pic,
  right_id AS ror_id,
  method
FROM org_match
WHERE
  left_scheme = 'pic' AND right_scheme = 'ror' AND status IN ('accepted', 'matched')
QUALIFY
  ROW_NUMBER() OVER (
    PARTITION BY left_id
    ORDER BY (
      status = 'accepted'
    ) DESC, score DESC NULLS FIRST, right_id
  ) = 1
