CREATE OR REPLACE TEMPORARY TABLE _dec AS
SELECT
  *
FROM match_decision
QUALIFY
  ROW_NUMBER() OVER (
    PARTITION BY left_scheme, left_id, right_scheme, right_id
    ORDER BY decided_at DESC, source_row DESC
  ) = 1
