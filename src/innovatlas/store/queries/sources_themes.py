"""Queries behind innovatlas.sources.cordis_themes: the programme parts of ``legalBasis.csv`` (staged as
``stg_legalbasis``) added to the projects of the workspace with that grant number. DuckDB only (imports)."""

from __future__ import annotations

from collections.abc import Mapping

from innovatlas.store.queries.sources_cordis import programme_part
from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic

#: the programme a legal-basis code names
_FW = ("CASE WHEN starts_with(trim(l.legalBasis), 'HORIZON') THEN 'HORIZON' WHEN starts_with(trim(l.legalBasis), 'H2020') "
       "THEN 'H2020' WHEN starts_with(trim(l.legalBasis), 'FP7') THEN 'FP7' END")


@builder("sources_themes.insert_parts", ("stg_legalbasis", {"CL5": "HORIZON.2.5", "HE-ERC": "HORIZON.1.1"}, 1))
def insert_parts(t: str, parts: Mapping[str, str], batch: int):
    """Each project's programme parts from its legal-basis codes, for the projects of the workspace with that grant
    number and programme, leaving out a part the project already has (from project.csv's main legal basis)."""
    return dynamic("sources_themes.insert_parts", f"""
        INSERT INTO project_part
        SELECT key, part, ?, min(_row) FROM (
            SELECT p.project_key AS key, {programme_part('trim(l.legalBasis)', parts)} AS part, l._row
            FROM {t} l JOIN project p ON p.grant_id = trim(l.projectID) AND p.framework = {_FW}) x
        WHERE part IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM project_part pp WHERE pp.project_key = x.key AND pp.programme_part = x.part)
        GROUP BY key, part""", [batch], engines=DUCKDB_ONLY)


@builder("sources_themes.matched_projects", ("stg_legalbasis",))
def matched_projects(t: str):
    """The projects of the file, and how many of them the workspace holds."""
    return dynamic("sources_themes.matched_projects", f"""
        SELECT count(DISTINCT trim(l.projectID)), count(DISTINCT p.grant_id)
        FROM {t} l LEFT JOIN project p ON p.grant_id = trim(l.projectID) AND p.framework = {_FW}""",
                   engines=DUCKDB_ONLY)
