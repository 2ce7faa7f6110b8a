"""Queries behind innovatlas.sources.openalex: OpenAlex works read set-based by DuckDB's JSON reader.

One file is staged into ``stg_openalex_w`` (one row per work, the nested authorships kept as DuckDB lists of
structs) by :func:`stage_works`, then spread over ``openalex_work``, ``openalex_topic``, ``openalex_authorship``
and ``openalex_affiliation`` by the INSERT statements below. Every statement belongs to an import: DuckDB only.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

__all__ = ["WORK_STRUCT", "stage_works"]

#: The fields innovatlas keeps, typed for DuckDB's reader; both schema generations in one struct
#: (2022: host_venue, concepts with a string score, raw_affiliation_string; 2025: primary_location, topics,
#: raw_affiliation_strings). Fields a file does not have are NULL; other fields are not read at all.
_INSTITUTION = "STRUCT(id VARCHAR, display_name VARCHAR, ror VARCHAR, country_code VARCHAR, type VARCHAR)"
_AUTHORSHIP = (f"STRUCT(author_position VARCHAR, author STRUCT(id VARCHAR, display_name VARCHAR, orcid VARCHAR), "
               f"institutions {_INSTITUTION}[], raw_affiliation_string VARCHAR, raw_affiliation_strings VARCHAR[])")
WORK_FIELDS = {
    "id": "VARCHAR", "doi": "VARCHAR", "title": "VARCHAR", "display_name": "VARCHAR", "publication_year": "INTEGER",
    "type": "VARCHAR", "open_access": "STRUCT(is_oa BOOLEAN, oa_status VARCHAR)",
    "host_venue": "STRUCT(id VARCHAR, display_name VARCHAR)",
    "primary_location": "STRUCT(source STRUCT(id VARCHAR, display_name VARCHAR))",
    "concepts": "STRUCT(id VARCHAR, display_name VARCHAR, level INTEGER, score VARCHAR)[]",
    "topics": "STRUCT(id VARCHAR, display_name VARCHAR, score DOUBLE, field STRUCT(display_name VARCHAR))[]",
    "authorships": f"{_AUTHORSHIP}[]",
}
WORK_STRUCT = "STRUCT(" + ", ".join(f"{k} {v}" for k, v in WORK_FIELDS.items()) + ")"


def _lit(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


def _columns() -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in WORK_FIELDS.items()) + "}"


_BARE = "regexp_replace({x}, '^https?://(www\\.)?(openalex\\.org|ror\\.org|orcid\\.org)/', '')"


def _bare(x: str) -> str:
    return _BARE.format(x=x)


_OPTS = "maximum_object_size = 1073741824, compression = 'auto_detect'"


@builder("sources_openalex.stage_works", ("works.jsonl.gz", "lines"), ("page.json", "page"), ("array.json", "array"))
def stage_works(path: str, layout: str):
    """One file's works into ``stg_openalex_w`` (``_row`` = line of a JSON Lines file, else record number).

    ``layout``: ``lines`` (one work per line, the snapshot format), ``array`` (a JSON array of works),
    ``page`` (API result pages ``{"meta": ..., "results": [...]}``, one or several in the file, or one per line).
    """
    cols = ", ".join(f"w.{k}" for k in WORK_FIELDS)
    if layout == "page":
        src = (f"SELECT unnest(results) AS w FROM read_json({_lit(path)}, columns = {{'results': '{WORK_STRUCT}[]'}}, "
               f"format = 'auto', records = true, {_OPTS})")
        rows = f"SELECT row_number() OVER () AS _row, {cols} FROM ({src})"
    else:
        fmt = "newline_delimited" if layout == "lines" else "array"
        rows = (f"SELECT row_number() OVER () AS _row, * FROM read_json({_lit(path)}, columns = {_columns()}, "
                f"format = '{fmt}', records = true, {_OPTS})")
    # one pass: the bare work id, and the first occurrence of an id in the file wins (a work without an id is
    # kept once, so that MISSING_ID can name its line)
    sql = f"""CREATE OR REPLACE TEMP TABLE stg_openalex_w AS
              SELECT {_bare('trim(id)')} AS work_id, * EXCLUDE (id) FROM ({rows})
              QUALIFY row_number() OVER (PARTITION BY {_bare('trim(id)')} ORDER BY _row) = 1"""
    return dynamic("sources_openalex.stage_works", sql, engines=DUCKDB_ONLY)


#: the first work without an id (the only field a work cannot do without)
MISSING_ID = query("sources_openalex.missing_id", """
    SELECT min(_row) FROM stg_openalex_w WHERE work_id IS NULL OR work_id = ''""", engines=DUCKDB_ONLY)
#: the first work with a value DuckDB read but innovatlas cannot use (a country code that is not two letters,
#: a year outside 1000-2100): its row, for :func:`innovatlas.sources.openalex.locate_problem` to name the field
BAD_VALUE = query("sources_openalex.bad_value", """
    SELECT min(r) FROM (
        SELECT _row AS r FROM stg_openalex_w
        WHERE publication_year IS NOT NULL AND (publication_year < 1000 OR publication_year > 2100)
        UNION ALL
        SELECT _row FROM (SELECT _row, unnest(a.institutions) AS i
                          FROM (SELECT _row, unnest(authorships) AS a FROM stg_openalex_w))
        WHERE i.country_code IS NOT NULL AND NOT regexp_full_match(i.country_code, '[A-Za-z]{2}'))""",
                  engines=DUCKDB_ONLY)
COUNT_STAGED = query("sources_openalex.count_staged", "SELECT count(*) FROM stg_openalex_w", engines=DUCKDB_ONLY)

#: a work imported again from another file replaces the earlier copy (newest import wins)
_DEL = "DELETE FROM {t} WHERE work_id IN (SELECT work_id FROM stg_openalex_w)"
DELETE_REIMPORTED = tuple(query(f"sources_openalex.delete_reimported_{t}", _DEL.format(t=t), engines=DUCKDB_ONLY)
                          for t in ("openalex_work", "openalex_topic", "openalex_authorship", "openalex_affiliation"))

INSERT_WORKS = query("sources_openalex.insert_works", """
    INSERT INTO openalex_work
    SELECT work_id, nullif(lower(regexp_replace(trim(doi), '^https?://(dx\\.)?doi\\.org/', '')), ''),
           coalesce(title, display_name), publication_year, type, open_access.is_oa, open_access.oa_status,
           coalesce(primary_location.source.display_name, host_venue.display_name),
           CASE WHEN primary_location IS NOT NULL OR topics IS NOT NULL THEN '2025'
                WHEN host_venue IS NOT NULL OR concepts IS NOT NULL THEN '2022' ELSE 'unknown' END,
           ?, _row
    FROM stg_openalex_w""", engines=DUCKDB_ONLY)

INSERT_TOPICS = query("sources_openalex.insert_topics", f"""
    INSERT INTO openalex_topic
    SELECT work_id, 'topic', {_bare('t.id')}, t.display_name, t.score, t.field.display_name, ?
    FROM (SELECT work_id, unnest(topics) AS t FROM stg_openalex_w) WHERE t.id IS NOT NULL
    UNION ALL
    SELECT work_id, 'concept', {_bare('c.id')}, c.display_name, TRY_CAST(c.score AS DOUBLE), CAST(c.level AS VARCHAR), ?
    FROM (SELECT work_id, unnest(concepts) AS c FROM stg_openalex_w) WHERE c.id IS NOT NULL""", engines=DUCKDB_ONLY)

#: the authorships with their place in the author list (1-based)
STAGE_AUTHORSHIPS = query("sources_openalex.stage_authorships", """
    CREATE OR REPLACE TEMP TABLE stg_openalex_a AS
    SELECT work_id, unnest(authorships) AS a, unnest(generate_series(1, len(authorships))) AS author_seq
    FROM stg_openalex_w WHERE len(authorships) > 0""", engines=DUCKDB_ONLY)

INSERT_AUTHORSHIPS = query("sources_openalex.insert_authorships", f"""
    INSERT INTO openalex_authorship
    SELECT work_id, author_seq, {_bare('a.author.id')}, a.author.display_name, {_bare('a.author.orcid')},
           a.author_position,
           coalesce(a.raw_affiliation_strings, CASE WHEN a.raw_affiliation_string IS NOT NULL
                                                    THEN [a.raw_affiliation_string] END), ?
    FROM stg_openalex_a""", engines=DUCKDB_ONLY)

INSERT_AFFILIATIONS = query("sources_openalex.insert_affiliations", f"""
    INSERT INTO openalex_affiliation
    SELECT work_id, author_seq, nullif({_bare('i.id')}, ''), nullif({_bare('i.ror')}, ''), i.display_name,
           lower(i.type), upper(i.country_code), ?
    FROM (SELECT work_id, author_seq, unnest(a.institutions) AS i FROM stg_openalex_a)
    WHERE i.id IS NOT NULL OR i.ror IS NOT NULL""", engines=DUCKDB_ONLY)

COUNT_ROWS = query("sources_openalex.count_rows", """
    SELECT (SELECT count(*) FROM openalex_work WHERE batch_id = ?), (SELECT count(*) FROM openalex_authorship WHERE batch_id = ?),
           (SELECT count(*) FROM openalex_affiliation WHERE batch_id = ?)""", engines=DUCKDB_ONLY)


@builder("sources_openalex.delete_batches", ("openalex_work", [1, 2]))
def delete_batches(table: str, batch_ids: list[int]):
    """The rows of earlier imports of the same file (dataset) in one OpenAlex table."""
    return dynamic("sources_openalex.delete_batches",
                   f"DELETE FROM {table} WHERE batch_id IN (SELECT unnest(CAST(? AS INTEGER[])))", [batch_ids],
                   engines=DUCKDB_ONLY)


DROP_STAGED = tuple(query(f"sources_openalex.drop_{t}", f"DROP TABLE IF EXISTS {t}", engines=DUCKDB_ONLY)
                    for t in ("stg_openalex_w", "stg_openalex_a"))
