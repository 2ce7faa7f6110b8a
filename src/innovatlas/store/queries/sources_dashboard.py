"""Queries behind innovatlas.sources.horizon_dashboard: the Horizon Dashboard raw export and the
"cordis-plus" participation tables (FP7 and Horizon 2020 rows in one file).

The staged file is a table of the workspace (``stg_dashboard``, ``stg_cordisplus``) with every
field as text and ``_row`` the row as the user sees it. Each row's programme comes from its
``framework_programme`` column (``fw`` below, one of FP7, H2020, HORIZON), else from the file's
``--framework``, else (cordis-plus only) from the legal-basis prefix. Imports write the
workspace, so every statement here runs on DuckDB only.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from innovatlas.store.queries.sources_cordis import iso_country, programme_part
from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

_DASH_FULL = ("framework_programme", "project_id", "project_acronym", "project_title", "partner_role", "partner_type",
              "pic", "legal_entity_vat", "legal_name", "legal_entity_type", "city", "nuts_3_code", "country_code",
              "eu_contribution", "sme_flag", "project_start_date", "project_end_date", "topic_code",
              "simplified_type_of_action")
_DASH_MIN = ("framework_programme", "project_id", "partner_role", "pic", "legal_name", "country_code", "sme_flag",
             "project_start_date")
_PLUS_FULL = ("project_id", "pic", "partner_role", "legal_name", "legal_short_name", "legal_entity_type",
              "country_code", "legal_url", "ec_contribution", "eu_contribution", "project_acronym", "topic_code",
              "framework_programme", "start_date", "end_date", "legal_basis", "funding_scheme")
_PARTS = {"ERC": "H2020-EU.1.1.", "SC1": "H2020-EU.3.1."}

#: the programme names the files use -> innovatlas's programme codes
PROGRAMME_NAMES = {"FP7": "FP7", "H2020": "H2020", "HORIZON 2020": "H2020", "HORIZON": "HORIZON",
                   "HORIZON EUROPE": "HORIZON", "HE": "HORIZON"}


def framework_sql(col: str, given: str | None, legal_basis: str | None = None) -> str:
    """SQL: a row's programme code (NULL when neither the column, the ``--framework`` nor the legal basis tells)."""
    names = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in PROGRAMME_NAMES.items())
    fallback = f"'{given}'" if given else "NULL"
    if legal_basis:
        fallback = (f"CASE WHEN starts_with({legal_basis}, 'FP7') THEN 'FP7' WHEN starts_with({legal_basis}, 'H2020') "
                    f"THEN 'H2020' WHEN starts_with({legal_basis}, 'HORIZON') THEN 'HORIZON' ELSE {fallback} END")
    return f"coalesce(CASE upper(trim({col})) {names} END, {fallback})"


def _date(c: str, dmy: bool) -> str:
    return f"CAST(TRY_STRPTIME(trim({c}), '%d/%m/%Y') AS DATE)" if dmy else f"TRY_CAST(left(trim({c}), 10) AS DATE)"


# -- checks ------------------------------------------------------------------------------------------------------------

@builder("sources_dashboard.unknown_programme", ("stg_dashboard", None, None), ("stg_cordisplus", "H2020", "legal_basis"))
def unknown_programme(t: str, given: str | None, legal_basis: str | None):
    """The first row whose programme cannot be told, and its framework_programme value."""
    return dynamic("sources_dashboard.unknown_programme", f"""
        SELECT _row, framework_programme FROM {t}
        WHERE {framework_sql('framework_programme', given, legal_basis)} IS NULL ORDER BY _row LIMIT 1""",
                   engines=DUCKDB_ONLY)


@builder("sources_dashboard.bad_dates", ("stg_dashboard", ("project_start_date", "project_end_date"), True))
def bad_dates(t: str, fields: Collection[str], dmy: bool):
    """Per date field, the first row (and its value) that is not a date in the layout's form (dd/mm/yyyy or ISO)."""
    parts = ", ".join(
        f"min(_row) FILTER (WHERE \"{f}\" IS NOT NULL AND {_date(chr(34) + f + chr(34), dmy)} IS NULL), "
        f"arg_min(\"{f}\", _row) FILTER (WHERE \"{f}\" IS NOT NULL AND {_date(chr(34) + f + chr(34), dmy)} IS NULL)"
        for f in fields)
    return dynamic("sources_dashboard.bad_dates", f"SELECT {parts} FROM {t}", engines=DUCKDB_ONLY)


@builder("sources_dashboard.bad_flag", ("stg_dashboard",))
def bad_flag(t: str):
    """The first row whose SME flag is neither Yes nor No (nor empty)."""
    return dynamic("sources_dashboard.bad_flag", f"""
        SELECT _row, sme_flag FROM {t} WHERE sme_flag IS NOT NULL AND lower(trim(sme_flag)) NOT IN ('yes', 'no')
        ORDER BY _row LIMIT 1""", engines=DUCKDB_ONLY)


@builder("sources_dashboard.overlapping_projects", ("stg_dashboard", None, None, 3))
def overlapping_projects(t: str, given: str | None, legal_basis: str | None, batch: int):
    """A project of the file that another import of the workspace already holds (same programme and grant id), and
    the file it came from: its participations would be counted twice."""
    return dynamic("sources_dashboard.overlapping_projects", f"""
        SELECT min(s._row), trim(s.project_id), any_value(b.file), any_value(b.dataset)
        FROM {t} s JOIN project p ON p.grant_id = trim(s.project_id)
             AND p.framework = {framework_sql('s.framework_programme', given, 's.' + legal_basis if legal_basis else None)}
             AND p.batch_id <> ?
        JOIN import_batch b ON b.batch_id = p.batch_id
        GROUP BY trim(s.project_id) ORDER BY 1 LIMIT 1""", [batch], engines=DUCKDB_ONLY)


@builder("sources_dashboard.frameworks_of", ("stg_cordisplus", None, "legal_basis"))
def frameworks_of(t: str, given: str | None, legal_basis: str | None):
    """Rows per programme of a staged file."""
    return dynamic("sources_dashboard.frameworks_of", f"""
        SELECT {framework_sql('framework_programme', given, legal_basis)} AS fw, count(*) FROM {t} GROUP BY 1 ORDER BY 1""",
                   engines=DUCKDB_ONLY)


@builder("sources_dashboard.delete_unknown_programme", ("stg_cordisplus", None, "legal_basis"))
def delete_unknown_programme(t: str, given: str | None, legal_basis: str | None):
    """Leave out the rows whose programme cannot be told (cordis-plus rows without a match in the full join)."""
    return dynamic("sources_dashboard.delete_unknown_programme", f"""
        DELETE FROM {t} WHERE {framework_sql('framework_programme', given, legal_basis)} IS NULL""", engines=DUCKDB_ONLY)


# -- loads -------------------------------------------------------------------------------------------------------------

@builder("sources_dashboard.insert_projects", ("stg_dashboard", _DASH_FULL, None, True, 1),
         ("stg_cordisplus", _PLUS_FULL, "H2020", False, 2))
def insert_projects(t: str, columns: Collection[str], given: str | None, dashboard: bool, batch: int):
    """One project per (programme, grant id), keyed ``<programme>-id<grant>`` as project.csv without rcn."""
    opt = lambda c: f"any_value({c})" if c in columns else "NULL"  # noqa: E731
    lb = None if dashboard else "legal_basis"
    start, end = ("project_start_date", "project_end_date") if dashboard else ("start_date", "end_date")
    return dynamic("sources_dashboard.insert_projects", f"""
        INSERT INTO project (project_key, framework, rcn, grant_id, acronym, title, start_date, end_date, start_year,
                             legal_basis, topics, funding_scheme, batch_id, source_row)
        SELECT fw || '-id' || pid, fw, NULL, pid, {opt('project_acronym')}, {opt('project_title')},
               min(s), max(e), year(min(s)), {opt('legal_basis') if not dashboard else 'NULL'}, {opt('topic_code')},
               {opt('simplified_type_of_action') if dashboard else opt('funding_scheme')}, ?, min(_row)
        FROM (SELECT *, {framework_sql('framework_programme', given, lb)} AS fw, trim(project_id) AS pid,
                     {_date(start, dashboard)} AS s, {_date(end, dashboard) if end in columns else 'NULL'} AS e
              FROM {t})
        GROUP BY fw, pid""", [batch], engines=DUCKDB_ONLY)


@builder("sources_dashboard.insert_project_parts", ("stg_cordisplus", None, _PARTS, 2))
def insert_project_parts(t: str, given: str | None, parts: Mapping[str, str], batch: int):
    """The programme part of each cordis-plus project, from its legal basis."""
    fw = framework_sql("framework_programme", given, "legal_basis")
    return dynamic("sources_dashboard.insert_project_parts", f"""
        INSERT INTO project_part
        SELECT key, part, ?, min(_row) FROM (
            SELECT {fw} || '-id' || trim(project_id) AS key, {programme_part('legal_basis', parts)} AS part, _row FROM {t})
        WHERE part IS NOT NULL GROUP BY key, part""", [batch], engines=DUCKDB_ONLY)


def _role(dashboard: bool, columns: Collection[str] = ("partner_type",)) -> str:
    if not dashboard or "partner_type" not in columns:
        return "lower(trim(partner_role))"
    # a third party or international partner is named by partner_type; the role then says PARTICIPANT
    return ("CASE WHEN partner_type IS NULL OR upper(trim(partner_type)) = 'BENEFICIARY' THEN lower(trim(partner_role)) "
            "ELSE lower(replace(trim(partner_type), '_', '')) END")


def _sme_flag(c: str = "sme_flag") -> str:
    return f"CASE lower(trim({c})) WHEN 'yes' THEN true WHEN 'no' THEN false END"


@builder("sources_dashboard.insert_participations", ("stg_dashboard", ("eu_contribution",), None, True, 1),
         ("stg_cordisplus", ("ec_contribution", "eu_contribution"), "H2020", False, 2))
def insert_participations(t: str, columns: Collection[str], given: str | None, dashboard: bool, batch: int):
    """Every row of the file as one participation (as published: the Dashboard repeats a few)."""
    contrib = (("TRY_CAST(eu_contribution AS DOUBLE)" if "eu_contribution" in columns else "NULL") if dashboard else
               "coalesce(TRY_CAST(ec_contribution AS DOUBLE), "
               + ("TRY_CAST(eu_contribution AS DOUBLE))" if "eu_contribution" in columns else "NULL)"))
    fw = framework_sql("framework_programme", given, None if dashboard else "legal_basis")
    return dynamic("sources_dashboard.insert_participations", f"""
        INSERT INTO participation
        SELECT {fw} || '-id' || trim(project_id), CAST(pic AS BIGINT), {_role(dashboard, columns)},
               {"upper(trim(legal_entity_type))" if "legal_entity_type" in columns else "NULL"},
               {_sme_flag() if dashboard else 'NULL'}, {contrib},
               {iso_country('country_code')}, upper(trim(country_code)), ?, _row
        FROM {t}""", [batch], engines=DUCKDB_ONLY)


@builder("sources_dashboard.insert_organisation_records", ("stg_dashboard", _DASH_FULL, True, 1, 1),
         ("stg_cordisplus", _PLUS_FULL, False, 2, 2))
def insert_organisation_records(t: str, columns: Collection[str], dashboard: bool, priority: int, batch: int):
    """Name, type, SME flag, city, country and NUTS-3 code of each organisation as the file states them."""
    opt = lambda c: f"nullif(trim({c}), '')" if c in columns else "NULL"  # noqa: E731
    return dynamic("sources_dashboard.insert_organisation_records", f"""
        INSERT INTO organisation_record
        SELECT CAST(pic AS BIGINT), {priority}, nullif(trim(legal_name), ''), {opt('legal_short_name')},
               {"upper(trim(legal_entity_type))" if "legal_entity_type" in columns else "NULL"}, {_sme_flag() if dashboard else 'NULL'}, NULL, NULL, {opt('city')},
               {iso_country('country_code')}, {opt('nuts_3_code')}, {opt('legal_url')}, ?, _row
        FROM {t}""", [batch], engines=DUCKDB_ONLY)


#: the organisation file of a batch opened with another file (the current layout's project.csv + organization.csv)
INSERT_BATCH_FILE = query("sources_dashboard.insert_batch_file", """
    INSERT INTO batch_file VALUES (?, 'organisations', ?)""", engines=DUCKDB_ONLY)

#: attribute -> the column of each layout that states it. The CORDIS organisation files add only the VAT number:
#: their name, SME flag, NUTS code and city are in organisation_record already (with batch and row), and one row
#: per participation and attribute would cost the large imports seconds (issue 20)
ATTRIBUTE_COLUMNS: dict[str, dict[str, str]] = {
    "dashboard": {"vat": "legal_entity_vat", "legal_name": "legal_name", "legal_entity_type": "legal_entity_type",
                  "sme": "sme_flag", "nuts3_code": "nuts_3_code", "city": "city"},
    "cordis-plus": {"legal_name": "legal_name", "legal_entity_type": "legal_entity_type"},
    "organization": {"vat": "vatNumber"},
    "h2020-organizations-old": {"vat": "vatNumber"},
}


@builder("sources_dashboard.insert_attributes", ("stg_dashboard", "dashboard", _DASH_FULL, "pic", 1, 1, "export.csv"),
         ("stg_org", "organization", ("organisationID", "vatNumber", "name", "SME", "nutsCode"), "organisationID", 1, 2,
          "organization.csv"), ("stg_cordisplus", "cordis-plus", _PLUS_FULL, "pic", 2, 3, "cordis-plus-2014.csv"))
def insert_attributes(t: str, layout: str, columns: Collection[str], pic_col: str, priority: int, batch: int,
                      file: str):
    """Each organisation attribute a file states (VAT number, legal name, legal entity type, SME flag, NUTS-3 code,
    city): one row per (organisation, attribute, value) with the first file row that states it, so the source of
    every value is kept."""
    cols = {a: c for a, c in ATTRIBUTE_COLUMNS[layout].items() if c in columns}
    if not cols:
        return dynamic("sources_dashboard.insert_attributes", "SELECT 1 WHERE false", engines=DUCKDB_ONLY)
    values = {a: (f"CASE lower(trim(\"{c}\")) WHEN 'yes' THEN 'true' WHEN 'true' THEN 'true' WHEN 'no' THEN 'false' "
                  f"WHEN 'false' THEN 'false' END" if a == "sme" else f"nullif(trim(\"{c}\"), '')")
              for a, c in cols.items()}
    unions = " UNION ALL ".join(f"SELECT TRY_CAST(\"{pic_col}\" AS BIGINT) AS pic, '{a}' AS attribute, {v} AS value, _row "
                                f"FROM {t}" for a, v in values.items())
    return dynamic("sources_dashboard.insert_attributes", f"""
        INSERT INTO organisation_attribute
        SELECT pic, attribute, value, {priority}, ?, min(_row), ? FROM ({unions})
        WHERE pic IS NOT NULL AND value IS NOT NULL AND value NOT IN ('-', '.')
        GROUP BY pic, attribute, value""", [batch, file], engines=DUCKDB_ONLY)
