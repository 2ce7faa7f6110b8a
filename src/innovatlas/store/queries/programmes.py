"""Queries behind :mod:`innovatlas.programmes`: the framework programmes in the workspace, their years and
datasets, continuity of organisations across programmes (per ecosystem or for all), and organisation
attributes with their source file and row."""

from __future__ import annotations

from innovatlas.store.relational import builder, dynamic, query

#: programme, the project start years it covers, its projects, participations, organisations and the datasets
PROGRAMMES = query("programmes.programmes", """
    SELECT pr.framework AS programme, min(pr.start_year) AS first_year, max(pr.start_year) AS last_year,
           count(DISTINCT pr.project_key) AS projects, count(*) AS participations, count(DISTINCT p.pic) AS organisations,
           list(DISTINCT b.dataset ORDER BY b.dataset) AS datasets, list(DISTINCT b.file ORDER BY b.file) AS files
    FROM participation p JOIN project pr USING (project_key) JOIN import_batch b ON b.batch_id = p.batch_id
    GROUP BY pr.framework ORDER BY min(pr.start_year) NULLS LAST, pr.framework""")

#: start years per programme with participations (for the "years of coverage" statement)
PROGRAMME_YEARS = query("programmes.programme_years", """
    SELECT pr.framework, pr.start_year, count(*) AS participations
    FROM participation p JOIN project pr USING (project_key) WHERE pr.start_year IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2""")

#: one organisation's participations per programme: first and last project start year, projects, EC contribution
ORGANISATION_PROGRAMMES = query("programmes.organisation_programmes", """
    SELECT pr.framework AS programme, min(pr.start_year) AS first_year, max(pr.start_year) AS last_year,
           count(*) AS participations, count(DISTINCT pr.project_key) AS projects,
           sum(p.ec_contribution) AS ec_contribution_eur
    FROM participation p JOIN project pr USING (project_key) WHERE p.pic = ?
    GROUP BY pr.framework ORDER BY min(pr.start_year) NULLS LAST, pr.framework""")

#: the programmes an ecosystem's analysis covers (the framework of its in-scope participations)
ECOSYSTEM_PROGRAMMES = query("programmes.ecosystem_programmes", """
    SELECT framework, min(start_year), max(start_year), count(*) FROM scope WHERE ecosystem_id = ?
    GROUP BY 1 ORDER BY 2 NULLS LAST, 1""")


def _per_organisation(eco_id: str | None) -> tuple[str, list]:
    """Per organisation the programmes it took part in, sorted: ``(pic, programmes)``."""
    if eco_id is None:
        return ("SELECT p.pic, list(DISTINCT pr.framework ORDER BY pr.framework) AS programmes "
                "FROM participation p JOIN project pr USING (project_key) GROUP BY p.pic"), []
    return ("SELECT pic, list(DISTINCT framework ORDER BY framework) AS programmes FROM scope "
            "WHERE ecosystem_id = ? GROUP BY pic"), [eco_id]


@builder("programmes.continuity_combinations", ("nl",), (None,))
def continuity_combinations(eco_id: str | None):
    """Organisations per set of programmes they took part in (in an ecosystem, or in the whole workspace)."""
    sql, params = _per_organisation(eco_id)
    return dynamic("programmes.continuity_combinations", f"""
        SELECT programmes, count(*) AS organisations FROM ({sql}) GROUP BY programmes ORDER BY 2 DESC""", params)


@builder("programmes.continuity_organisations", ("nl", "FP7", "H2020", "entered", 20), (None, "H2020", "HORIZON", "left", 5))
def continuity_organisations(eco_id: str | None, a: str, b: str, status: str, limit: int):
    """Up to ``limit`` organisations that ``stayed`` (in programmes a and b), ``left`` (a, not b) or ``entered``
    (b, not a), most participations first."""
    sql, params = _per_organisation(eco_id)
    cond = {"stayed": "list_contains(c.programmes, ?) AND list_contains(c.programmes, ?)",
            "left": "list_contains(c.programmes, ?) AND NOT list_contains(c.programmes, ?)",
            "entered": "NOT list_contains(c.programmes, ?) AND list_contains(c.programmes, ?)"}[status]
    return dynamic("programmes.continuity_organisations", f"""
        SELECT c.pic, o.label, o.participations FROM ({sql}) c LEFT JOIN organisation o ON o.pic = c.pic
        WHERE {cond} ORDER BY o.participations DESC NULLS LAST, c.pic LIMIT ?""", params + [a, b, limit])


#: every value of one organisation's attributes (parameters: the PIC twice), with the file and row that states it, best first per attribute:
#: organisation_record fields (name, SME flag, NUTS-3 code, city, postcode) and organisation_attribute rows (VAT,
#: legal name, legal entity type, ...); lower priority, then the newest import, then the first row wins
ATTRIBUTE_SOURCES = query("programmes.attribute_sources", """
    WITH a AS (
        SELECT attribute, value, priority, batch_id, source_row, file FROM organisation_attribute WHERE pic = ?
        UNION ALL
        SELECT f.attribute, f.value, r.priority, r.batch_id, r.source_row,
               -- the organisation file of a batch that also read a project file (project.csv + organization.csv)
               (SELECT any_value(x.file) FROM batch_file x WHERE x.batch_id = r.batch_id AND x.role = 'organisations')
        FROM organisation_record r,
             LATERAL (VALUES ('name', r.name), ('nuts3_code', CASE WHEN length(trim(r.nuts_code)) = 5 THEN r.nuts_code END),
                             ('sme', CAST(r.sme AS VARCHAR)), ('city', r.city), ('postcode', r.postcode)) f(attribute, value)
        WHERE r.pic = ? AND f.value IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM organisation_attribute x WHERE x.pic = r.pic AND x.batch_id = r.batch_id
                          AND x.source_row = r.source_row AND x.attribute = f.attribute)
    ), d AS (SELECT attribute, value, priority, batch_id, min(source_row) AS source_row, any_value(file) AS file
             FROM a GROUP BY attribute, value, priority, batch_id)
    SELECT d.attribute, d.value, b.dataset, coalesce(d.file, b.file) AS file, d.source_row, d.priority,
           row_number() OVER (PARTITION BY d.attribute ORDER BY d.priority, d.batch_id DESC, d.source_row) = 1 AS used
    FROM d JOIN import_batch b ON b.batch_id = d.batch_id
    ORDER BY d.attribute, d.priority, d.batch_id DESC, d.source_row""")
