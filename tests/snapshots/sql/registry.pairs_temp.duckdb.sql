CREATE TEMPORARY TABLE _rp (
  lkey TEXT,
  rkey TEXT,
  name_score DOUBLE,
  subset BOOLEAN
)
