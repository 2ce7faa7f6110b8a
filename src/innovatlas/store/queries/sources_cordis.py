"""Queries behind innovatlas.sources.cordis: the checks on the staged CORDIS files and the loads into the facts.

The staged file of each layout is a table of the workspace (``stg_project``, ``stg_org``,
``stg_project_old``, ``stg_org_old``, ``stg_reduced``, ``stg_parts``, ``stg_orgs2017``,
``stg_orgsfp7``) with every field as text and ``_row`` the row as the user sees it. The loads
depend on the layout's optional columns: a builder takes ``columns``, the column names of the
staged table, and reads ``NULL`` for an optional column the file lacks. Imports write the
workspace, so every statement here runs on DuckDB only.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

# -- fragments ---------------------------------------------------------------------------------------------------


def iso_country(code_sql: str) -> str:
    """SQL expression turning a CORDIS country code into ISO 3166-1 alpha-2 (UK->GB, EL->GR)."""
    return f"CASE upper(trim({code_sql})) WHEN 'UK' THEN 'GB' WHEN 'EL' THEN 'GR' ELSE upper(trim({code_sql})) END"


def programme_part(legal_basis_col: str, parts: Mapping[str, str]) -> str:
    """SQL: programme part for a legal-basis code, by longest matching prefix (``parts``: label -> prefix)."""
    values = ", ".join(f"('{k}', '{v}')" for k, v in parts.items())
    return (f"(SELECT part FROM (VALUES {values}) pp(part, prefix) "
            f"WHERE starts_with({legal_basis_col}, prefix) ORDER BY length(prefix) DESC LIMIT 1)")


def decimal(c: str) -> str:
    """A number with a decimal comma or point as DOUBLE (NULL when it is not one)."""
    return f"TRY_CAST(replace({c}, ',', '.') AS DOUBLE)"


def project_key_current(fw: str, has_rcn: bool) -> str:
    """The project key of a row of project.csv (current layout): framework and rcn, else framework and grant id."""
    return (f"'{fw}-' || coalesce(CAST(TRY_CAST(rcn AS BIGINT) AS VARCHAR), 'id' || trim(id))" if has_rcn
            else f"'{fw}-id' || trim(id)")


def _sme(columns: Collection[str]) -> str:
    return "CASE lower(trim(o.SME)) WHEN 'true' THEN true WHEN 'false' THEN false ELSE NULL END" \
        if "SME" in columns else "NULL"


# example arguments of the builders: a few programme parts, and the columns of full and minimal files
_PARTS = {"ERC": "H2020-EU.1.1.", "SC1": "H2020-EU.3.1.", "HE-ERC": "HORIZON.1.1"}
_PROJECT_FULL = ("id", "acronym", "title", "startDate", "endDate", "totalCost", "ecMaxContribution", "legalBasis",
                 "topics", "frameworkProgramme", "rcn", "objective", "fundingScheme")
_PROJECT_MINIMAL = ("id", "acronym", "title", "startDate", "endDate", "totalCost", "ecMaxContribution", "legalBasis",
                    "topics", "frameworkProgramme")
_ORG_FULL = ("projectID", "organisationID", "name", "activityType", "country", "role", "ecContribution", "SME",
             "shortName", "street", "postCode", "city", "nutsCode", "organizationURL")
_ORG_MINIMAL = ("projectID", "organisationID", "name", "activityType", "country", "role", "ecContribution")
_PROJECT_OLD_FULL = ("rcn", "id", "acronym", "startDate", "endDate", "programme", "call", "title", "objective",
                     "totalCost", "ecMaxContribution", "topics", "fundingScheme")
_PROJECT_OLD_MINIMAL = ("rcn", "id", "acronym", "startDate", "endDate", "call")
_ORG_OLD_FULL = ("projectRcn", "projectID", "role", "id", "name", "activityType", "ecContribution", "country",
                 "projectAcronym", "shortName", "street", "city", "postCode", "organizationUrl")
_ORG_OLD_MINIMAL = ("projectRcn", "projectID", "role", "id", "name", "activityType", "ecContribution", "country")

# -- the workspace's staging tables ------------------------------------------------------------------------------

STAGING_TABLES = query("sources_cordis.staging_tables", """
    SELECT table_name, temporary FROM duckdb_tables() WHERE table_name LIKE 'stg\\_%' ESCAPE '\\'""",
                       engines=DUCKDB_ONLY)


@builder("sources_cordis.drop_staged", ("stg_project", False), ("stg_org", True))
def drop_staged(table: str, temporary: bool):
    """Drop one staged file (a TEMP table or an ordinary table of the import's transaction)."""
    return dynamic("sources_cordis.drop_staged", f"DROP TABLE IF EXISTS {'temp.' if temporary else 'main.'}{table}",
                   engines=DUCKDB_ONLY)


# -- project.csv and organization.csv (current layout) -----------------------------------------------------------

PROJECT_FRAMEWORKS = query("sources_cordis.project_frameworks", """
    SELECT DISTINCT frameworkProgramme FROM stg_project WHERE frameworkProgramme IS NOT NULL""", engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_project_current", ("H2020", _PROJECT_FULL, 1), ("HORIZON", _PROJECT_MINIMAL, 2))
def insert_project_current(fw: str, columns: Collection[str], batch: int):
    """The projects of project.csv (``rcn``, ``objective`` and ``fundingScheme`` optional)."""
    has_rcn = "rcn" in columns
    key = project_key_current(fw, has_rcn)
    return dynamic("sources_cordis.insert_project_current", f"""
        INSERT INTO project
        SELECT {key}, '{fw}', {"TRY_CAST(rcn AS BIGINT)" if has_rcn else "NULL"}, trim(id), acronym, title,
               {"objective" if "objective" in columns else "NULL"},
               TRY_CAST(left(startDate, 10) AS DATE), TRY_CAST(left(endDate, 10) AS DATE),
               year(TRY_CAST(left(startDate, 10) AS DATE)), {decimal("totalCost")}, {decimal("ecMaxContribution")},
               legalBasis, topics, {"fundingScheme" if "fundingScheme" in columns else "NULL"},
               ?, _row
        FROM stg_project""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_project_part_current", ("H2020", True, _PARTS, 1), ("HORIZON", False, _PARTS, 2))
def insert_project_part_current(fw: str, has_rcn: bool, parts: Mapping[str, str], batch: int):
    """The programme part of each project of project.csv, from its legal basis."""
    return dynamic("sources_cordis.insert_project_part_current", f"""
        INSERT INTO project_part
        SELECT {project_key_current(fw, has_rcn)}, {programme_part('legalBasis', parts)} AS part, ?, _row FROM stg_project
        WHERE part IS NOT NULL""", [batch], engines=DUCKDB_ONLY)


ORGANISATION_ORPHAN = query("sources_cordis.organisation_orphan", """
    SELECT o._row, o.projectID FROM stg_org o ANTI JOIN stg_project p ON trim(p.id) = trim(o.projectID) ORDER BY o._row LIMIT 1""",
                            engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_participation_current", (_ORG_FULL, 1), (_ORG_MINIMAL, 2))
def insert_participation_current(columns: Collection[str], batch: int):
    """The participations of organization.csv, linked to the projects of this batch by grant id."""
    return dynamic("sources_cordis.insert_participation_current", f"""
        INSERT INTO participation
        SELECT pr.project_key, CAST(o.organisationID AS BIGINT), lower(trim(o.role)), upper(trim(o.activityType)),
               {_sme(columns)}, TRY_CAST(replace(o.ecContribution, ',', '.') AS DOUBLE), {iso_country('o.country')},
               upper(trim(o.country)), ?, o._row
        FROM stg_org o JOIN project pr ON pr.grant_id = trim(o.projectID) AND pr.batch_id = ?""", [batch, batch],
                   engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_organisation_record_current", (_ORG_FULL, 1), (_ORG_MINIMAL, 2))
def insert_organisation_record_current(columns: Collection[str], batch: int):
    """Name and address of each organisation as organization.csv gives it (priority 1)."""
    opt = lambda c: f"o.{c}" if c in columns else "NULL"  # noqa: E731
    return dynamic("sources_cordis.insert_organisation_record_current", f"""
        INSERT INTO organisation_record
        SELECT CAST(o.organisationID AS BIGINT), 1, nullif(trim(o.name), ''), {opt('shortName')},
               upper(trim(o.activityType)), {_sme(columns)}, {opt('street')}, {opt('postCode')}, {opt('city')},
               {iso_country('o.country')}, {opt('nutsCode')}, {opt('organizationURL')}, ?, o._row
        FROM stg_org o""", [batch], engines=DUCKDB_ONLY)


# -- cordis-h2020projects.csv and cordis-h2020organizations.csv (layout before 2021) ------------------------------

@builder("sources_cordis.old_project_frameworks", (_PROJECT_OLD_FULL + ("frameworkProgramme",),), (_PROJECT_OLD_MINIMAL,))
def old_project_frameworks(columns: Collection[str]):
    """The programme codes of the staged projects file in the layout before 2021: ``frameworkProgramme``, else the
    programme code's prefix (``FP7-ICT`` -> ``FP7``, ``H2020-EU.3.1.`` -> ``H2020``)."""
    prefix = "regexp_extract(trim(programme), '^(FP[0-9]|H2020|HORIZON)', 1)" if "programme" in columns else "NULL"
    fw = f"coalesce(nullif(trim(frameworkProgramme), ''), {prefix})" if "frameworkProgramme" in columns else prefix
    return dynamic("sources_cordis.old_project_frameworks", f"""
        SELECT DISTINCT fw FROM (SELECT {fw} AS fw FROM stg_project_old) WHERE fw IS NOT NULL AND fw <> ''""",
                   engines=DUCKDB_ONLY)

@builder("sources_cordis.insert_project_old", ("H2020", _PROJECT_OLD_FULL, 1), ("H2020", _PROJECT_OLD_MINIMAL, 2))
def insert_project_old(fw: str, columns: Collection[str], batch: int):
    """The projects of cordis-h2020projects.csv."""
    p = "stg_project_old"
    opt = lambda c: c if c in columns else "NULL"  # noqa: E731
    return dynamic("sources_cordis.insert_project_old", f"""
        INSERT INTO project
        SELECT '{fw}-' || CAST(rcn AS BIGINT), '{fw}', CAST(rcn AS BIGINT), trim(id), acronym, {opt('title')},
               {opt('objective')}, TRY_CAST(left(startDate, 10) AS DATE), TRY_CAST(left(endDate, 10) AS DATE),
               year(TRY_CAST(left(startDate, 10) AS DATE)),
               TRY_CAST(replace({opt('totalCost')}, ',', '.') AS DOUBLE),
               TRY_CAST(replace({opt('ecMaxContribution')}, ',', '.') AS DOUBLE),
               {opt('programme')}, {opt('topics')}, {opt('fundingScheme')}, ?, _row
        FROM {p}""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_project_part_old", ("H2020", _PARTS, 1))
def insert_project_part_old(fw: str, parts: Mapping[str, str], batch: int):
    """The programme part of each project of cordis-h2020projects.csv, from its programme column."""
    p = "stg_project_old"
    return dynamic("sources_cordis.insert_project_part_old", f"""
        INSERT INTO project_part
        SELECT '{fw}-' || CAST(rcn AS BIGINT), {programme_part('programme', parts)} AS part, ?, _row FROM {p}
        WHERE part IS NOT NULL""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_project_of_organisations_old", ("H2020", _ORG_OLD_FULL, 1),
         ("FP7", _ORG_OLD_MINIMAL, 2))
def insert_project_of_organisations_old(fw: str, columns: Collection[str], batch: int):
    """Projects named only by cordis-h2020organizations.csv (not in the projects file of the import)."""
    return dynamic("sources_cordis.insert_project_of_organisations_old", f"""
        INSERT INTO project (project_key, framework, rcn, grant_id, acronym, batch_id, source_row)
        SELECT '{fw}-' || CAST(projectRcn AS BIGINT), '{fw}', CAST(projectRcn AS BIGINT), any_value(trim(projectID)),
               {"any_value(projectAcronym)" if "projectAcronym" in columns else "NULL"}, ?, min(_row)
        FROM stg_org_old o
        WHERE NOT EXISTS (SELECT 1 FROM project p WHERE p.project_key = '{fw}-' || CAST(o.projectRcn AS BIGINT))
        GROUP BY projectRcn""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_participation_old", ("H2020", 1))
def insert_participation_old(fw: str, batch: int):
    """The participations of cordis-h2020organizations.csv."""
    return dynamic("sources_cordis.insert_participation_old", f"""
        INSERT INTO participation
        SELECT '{fw}-' || CAST(o.projectRcn AS BIGINT), CAST(o.id AS BIGINT), lower(trim(o.role)),
               upper(trim(o.activityType)), NULL, TRY_CAST(replace(o.ecContribution, ',', '.') AS DOUBLE),
               {iso_country('o.country')}, upper(trim(o.country)), ?, o._row
        FROM stg_org_old o""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_organisation_record_old", (_ORG_OLD_FULL, 1), (_ORG_OLD_MINIMAL, 2))
def insert_organisation_record_old(columns: Collection[str], batch: int):
    """Name and address of each organisation as cordis-h2020organizations.csv gives it (priority 1)."""
    opt = lambda c: f"o.{c}" if c in columns else "NULL"  # noqa: E731
    return dynamic("sources_cordis.insert_organisation_record_old", f"""
        INSERT INTO organisation_record
        SELECT CAST(o.id AS BIGINT), 1, nullif(trim(o.name), ''), {opt('shortName')}, upper(trim(o.activityType)), NULL,
               {opt('street')}, {opt('postCode')}, {opt('city')}, {iso_country('o.country')}, NULL,
               {opt('organizationUrl')}, ?, o._row
        FROM stg_org_old o""", [batch], engines=DUCKDB_ONLY)


# -- the reduced Horizon 2020 participations and programme parts ---------------------------------------------------

@builder("sources_cordis.inconsistent_start_date", ("stg_reduced",))
def inconsistent_start_date(t: str):
    """The last row of the first project whose rows give different start dates."""
    return dynamic("sources_cordis.inconsistent_start_date", f"""
        SELECT max(_row), rcn FROM {t} GROUP BY rcn
        HAVING count(DISTINCT coalesce(start_date, '')) > 1 ORDER BY 1 LIMIT 1""", engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_project_reduced",
         ("H2020", "stg_reduced", ("rcn", "start_date", "end_date", "total_cost", "max_contribution"), 1),
         ("H2020", "stg_reduced", ("rcn", "start_date", "end_date"), 2))
def insert_project_reduced(fw: str, t: str, columns: Collection[str], batch: int):
    """One project per rcn of the reduced participations (dates as on its rows; costs when the file has them)."""
    opt = lambda c: f"any_value(TRY_CAST({c} AS DOUBLE))" if c in columns else "NULL"  # noqa: E731
    return dynamic("sources_cordis.insert_project_reduced", f"""
        INSERT INTO project (project_key, framework, rcn, start_date, end_date, start_year, total_cost,
                             ec_max_contribution, batch_id, source_row)
        SELECT '{fw}-' || CAST(rcn AS BIGINT), '{fw}', CAST(rcn AS BIGINT),
               TRY_CAST(any_value(start_date) AS DATE), TRY_CAST(any_value(end_date) AS DATE),
               year(TRY_CAST(any_value(start_date) AS DATE)), {opt('total_cost')}, {opt('max_contribution')},
               ?, min(_row)
        FROM {t} GROUP BY rcn""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_participation_reduced", ("H2020", "stg_reduced", 1))
def insert_participation_reduced(fw: str, t: str, batch: int):
    """The participations of the reduced participation list."""
    return dynamic("sources_cordis.insert_participation_reduced", f"""
        INSERT INTO participation
        SELECT '{fw}-' || CAST(rcn AS BIGINT), CAST(pic AS BIGINT), lower(trim(role)), upper(trim(type)), NULL,
               TRY_CAST(contribution AS DOUBLE), {iso_country('country')}, upper(trim(country)), ?, _row
        FROM {t}""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_project_part_table", ("H2020", "stg_parts", 1))
def insert_project_part_table(fw: str, t: str, batch: int):
    """The programme parts of the rcn -> programme part table."""
    return dynamic("sources_cordis.insert_project_part_table", f"""INSERT INTO project_part
                   SELECT '{fw}-' || CAST(rcn AS BIGINT), trim(programme_part), ?, _row FROM {t}""", [batch],
                   engines=DUCKDB_ONLY)


# -- organisation name tables keyed by PIC ---------------------------------------------------------------------------

@builder("sources_cordis.rows_without_id", ("stg_orgs2017", "orgId"))
def rows_without_id(table: str, col: str):
    """The rows (as the user sees them) of a name table without an id."""
    return dynamic("sources_cordis.rows_without_id",
                   f'SELECT _row FROM {table} WHERE "{col}" IS NULL OR trim("{col}") = \'\' ORDER BY 1',
                   engines=DUCKDB_ONLY)


@builder("sources_cordis.delete_rows_without_id", ("stg_orgsfp7", "idOrganization"))
def delete_rows_without_id(table: str, col: str):
    """Skip the rows of a name table without an id."""
    return dynamic("sources_cordis.delete_rows_without_id",
                   f'DELETE FROM {table} WHERE "{col}" IS NULL OR trim("{col}") = \'\'', engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_organisation_record_2017",
         ("stg_orgs2017", ("orgId", "name", "activityType", "city", "country", "shortName", "street", "postCode",
                           "organizationUrl"), 1),
         ("stg_orgs2017", ("orgId", "name", "activityType", "city", "country"), 2))
def insert_organisation_record_2017(t: str, columns: Collection[str], batch: int):
    """Name and address of each organisation of the 2017 H2020 organisation table (priority 2)."""
    opt = lambda c: f"nullif(trim({c}), '')" if c in columns else "NULL"  # noqa: E731
    return dynamic("sources_cordis.insert_organisation_record_2017", f"""
        INSERT INTO organisation_record
        SELECT CAST(orgId AS BIGINT), 2, nullif(trim(name), ''), {opt('shortName')}, upper(trim(activityType)), NULL,
               {opt('street')}, {opt('postCode')}, {opt('city')}, {iso_country('country')}, NULL,
               {opt('organizationUrl')}, ?, _row
        FROM {t}""", [batch], engines=DUCKDB_ONLY)


@builder("sources_cordis.insert_organisation_record_fp7", ("stg_orgsfp7", 1))
def insert_organisation_record_fp7(t: str, batch: int):
    """Name and address of each FP7 organisation (priority 3).

    The address is "street, city, postcode": the last part is the postcode when it holds a digit.
    """
    return dynamic("sources_cordis.insert_organisation_record_fp7", f"""
        INSERT INTO organisation_record
        WITH parts AS (SELECT *, string_split(coalesce(address, ''), ', ') AS p FROM {t})
        SELECT CAST(idOrganization AS BIGINT), 3, nullif(trim(name), ''), NULL, NULL, NULL,
               CASE WHEN len(p) >= 3 THEN array_to_string(p[1:len(p) - 2], ', ') END,
               CASE WHEN len(p) >= 2 AND regexp_matches(p[len(p)], '[0-9]') THEN p[len(p)] END,
               nullif(trim(CASE WHEN len(p) >= 2 AND regexp_matches(p[len(p)], '[0-9]') THEN p[len(p) - 1]
                                WHEN len(p) >= 2 THEN p[len(p)] END), ''),
               {iso_country('country')}, NULL, NULL, ?, _row
        FROM parts""", [batch], engines=DUCKDB_ONLY)


# -- VAT numbers (issue 14: a deterministic identifier of the registry) ----------------------------------------------

@builder("sources_cordis.insert_vat", ("stg_org", "organisationID", "vatNumber", "country", 1))
def insert_vat(t: str, id_col: str, vat_col: str, country_col: str, batch: int):
    """The normalised VAT number of every organisation of a staged file that gives one (one row per PIC and number)."""
    from innovatlas.store.queries.registry import vat_sql

    return dynamic("sources_cordis.insert_vat", f"""
        INSERT INTO organisation_vat
        SELECT pic, vat, ?, min(_row) FROM (
            SELECT CAST({id_col} AS BIGINT) AS pic, {vat_sql(vat_col, iso_country(country_col))} AS vat, _row FROM {t})
        WHERE vat IS NOT NULL GROUP BY pic, vat""", [batch], engines=DUCKDB_ONLY)
