SELECT
  (
    SELECT
      COUNT(*)
    FROM openalex_work
    WHERE
      batch_id = ?
  ),
  (
    SELECT
      COUNT(*)
    FROM openalex_authorship
    WHERE
      batch_id = ?
  ),
  (
    SELECT
      COUNT(*)
    FROM openalex_affiliation
    WHERE
      batch_id = ?
  )
