"""Queries behind innovatlas.framework (issue 19): facilities, startups/scale-ups/spin-offs, finance and rules.

Check conditions (SQL fragments for :class:`innovatlas.inputs._Checks`), the transactional imports (DuckDB
only: they write the workspace) and the readers the views, indicators and diagnosis use (engine-neutral).
A reference to an actor is an ``actor_id`` of the user's actors, ``pic:<PIC>`` or ``ror:<ROR id>``.
"""

from __future__ import annotations

from innovatlas.store.queries.inputs import number_sql
from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

#: every reference an actor can be given by, with its name and actor type (NULL when unknown)
REFS = """(SELECT actor_id AS ref, any_value(name) AS name, any_value(actor_type) AS actor_type FROM user_actor GROUP BY 1
           UNION ALL SELECT 'pic:' || CAST(pic AS VARCHAR), label, actor_type FROM organisation
           UNION ALL SELECT 'ror:' || ror_id, any_value(name), NULL FROM ror_record GROUP BY ror_id)"""


# -- check conditions ----------------------------------------------------------------------------------------------
def unknown_ref(col: str, also: str | None = None) -> str:
    """A filled-in ``col`` that is no known actor, PIC or ROR record (nor an ``actor_id`` of the staged table ``also``)."""
    extra = f" UNION ALL SELECT lower(trim(actor_id)) FROM {also}" if also else ""
    return (f'nullif(trim("{col}"), \'\') IS NOT NULL AND lower(trim("{col}")) NOT IN '
            f"(SELECT lower(ref) FROM {REFS}{extra})")


def not_a_venture(col: str, also: str | None = None) -> str:
    """A filled-in ``col`` that is no firm of an imported startups file (nor of the staged table ``also``)."""
    extra = f" UNION ALL SELECT lower(trim(actor_id)) FROM {also}" if also else ""
    return (f'nullif(trim("{col}"), \'\') IS NOT NULL AND lower(trim("{col}")) NOT IN '
            f"(SELECT lower(actor_id) FROM venture{extra})")


def not_in_staged(col: str, table: str, key: str) -> str:
    """A ``col`` value that is not a ``key`` of the staged table ``table``."""
    return f'nullif(trim("{col}"), \'\') IS NOT NULL AND trim("{col}") NOT IN (SELECT trim("{key}") FROM {table})'


def ecosystem_list_sql(col: str = "ecosystems") -> str:
    """The ids of an ecosystems field (separated by ';', '|' or ',') as a list."""
    return f"list_distinct(regexp_extract_all(lower(coalesce(\"{col}\", '')), '[a-z0-9][a-z0-9_-]*'))"


def unknown_ecosystems(col: str = "ecosystems") -> str:
    """An ecosystems field naming an ecosystem that is not analysed (or none at all)."""
    ids = ecosystem_list_sql(col)
    return f"(len({ids}) = 0 OR len(list_intersect({ids}, (SELECT list(ecosystem_id) FROM ecosystem))) < len({ids}))"


def before(col: str, other: str) -> str:
    """A whole year in ``col`` before the one in ``other``."""
    return f"{number_sql(col)} < {number_sql(other)}"


NOT_A_DATE_FIELD = "nullif(trim(\"{c}\"), '') IS NOT NULL AND TRY_CAST(left(trim(\"{c}\"), 10) AS DATE) IS NULL"


def not_a_date(col: str) -> str:
    return NOT_A_DATE_FIELD.format(c=col)


def amount_without_currency() -> str:
    return "nullif(trim(amount), '') IS NOT NULL AND nullif(trim(currency), '') IS NULL"


def parent_not_knowledge(col: str, kinds: list[str]) -> str:
    """A spin-off parent whose actor type is known and not a knowledge institution."""
    return (f'nullif(trim("{col}"), \'\') IS NOT NULL AND lower(trim("{col}")) IN '
            f"(SELECT lower(ref) FROM {REFS} WHERE actor_type IS NOT NULL AND actor_type NOT IN "
            f"({', '.join(repr(k) for k in kinds)}))")


#: an IP holder without a spin-off parent
IP_WITHOUT_PARENT = "nullif(trim(ip_holder), '') IS NOT NULL AND nullif(trim(parent), '') IS NULL"
#: a challenges field that is not a list of challenge numbers 1-10 separated by ';'
NOT_CHALLENGES = ("nullif(trim(challenges), '') IS NOT NULL AND NOT regexp_full_match(trim(challenges), "
                  "'(10|[1-9])(\\s*;\\s*(10|[1-9]))*')")


def yes_sql(col: str = "confidential") -> str:
    return f"lower(trim(coalesce(\"{col}\", 'no'))) IN ('yes', 'y', 'true', '1', 'ja', 'j')"


# -- imports -------------------------------------------------------------------------------------------------------
@builder("framework.delete_of_dataset", ("facility", "framework:facilities"))
def delete_of_dataset(table: str, dataset: str):
    """The rows of ``table`` that earlier imports of ``dataset`` stored."""
    return dynamic("framework.delete_of_dataset", f"""DELETE FROM {table} WHERE batch_id IN
                   (SELECT batch_id FROM import_batch WHERE dataset = ?)""", [dataset], engines=DUCKDB_ONLY)


def _place() -> str:
    """A facility's municipality, placed as organisations are (:mod:`innovatlas.organisations`): its city as a CBS
    municipality name, else as a ROR/GeoNames place, else the municipality most organisations of its postcode area have."""
    from innovatlas.store.queries.organisations import _canon

    pc4 = "regexp_extract(coalesce({x}, ''), '([0-9]{{4}})', 1)"
    return (f"coalesce((SELECT arg_max(name, year) FROM geo_region WHERE level = 'municipality' AND {_canon('name')} = "
            f"{_canon('s.city')}), (SELECT mode(municipality) FROM geo_place WHERE {_canon('place')} = {_canon('s.city')}), "
            f"(SELECT mode(l.municipality) FROM organisation o JOIN org_location l USING (pic) WHERE o.country = 'NL' "
            f"AND l.municipality IS NOT NULL AND {pc4.format(x='o.postcode')} = {pc4.format(x='s.postcode')} "
            f"AND {pc4.format(x='s.postcode')} <> ''))")


_PLACE = _place()


@builder("framework.insert_facilities", ("stg_fac", 9))
def insert_facilities(table: str, batch: int):
    return dynamic("framework.insert_facilities", f"""
        INSERT INTO facility
        SELECT trim(s.facility_id), trim(s.name), lower(trim(s.facility_type)), {ecosystem_list_sql()},
               nullif(trim(s.owner), ''), nullif(trim(s.operator), ''), {number_sql('lat')}, {number_sql('lon')},
               nullif(trim(s.postcode), ''), nullif(trim(s.city), ''),
               {_PLACE},
               CAST({number_sql('opening_year')} AS INTEGER), {number_sql('capacity')}, nullif(trim(s.capacity_unit), ''),
               nullif(trim(s.website), ''), nullif(trim(s.note), ''), ?, s._row + 1
        FROM {table} s""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_investments", ("stg_fac_inv", 9))
def insert_investments(table: str, batch: int):
    return dynamic("framework.insert_investments", f"""
        INSERT INTO facility_investment
        SELECT trim(facility_id), CAST({number_sql('year')} AS INTEGER), {number_sql('amount')}, upper(trim(currency)),
               nullif(trim(funder), ''), {yes_sql()}, nullif(trim(source), ''), ?, _row + 1
        FROM {table}""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_use", ("stg_fac_use", 9))
def insert_use(table: str, batch: int):
    return dynamic("framework.insert_use", f"""
        INSERT INTO facility_use
        SELECT trim(facility_id), trim("user"), nullif(lower(trim(user_type)), ''), {number_sql('amount')},
               nullif(trim(amount_unit), ''), CAST({number_sql('since_year')} AS INTEGER),
               CAST({number_sql('until_year')} AS INTEGER), nullif(trim(note), ''), ?, _row + 1
        FROM {table}""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_new_actors", ("stg_st", 9))
def insert_new_actors(table: str, batch: int):
    """The startups not yet among the user's actors become actors (type startup unless the file says otherwise)."""
    return dynamic("framework.insert_new_actors", f"""
        INSERT INTO user_actor (actor_id, name, actor_type, pic, ror_id, kvk, city, postcode, country, website, note,
                                batch_id, source_row)
        SELECT trim(actor_id), trim(name), coalesce(nullif(lower(trim(actor_type)), ''), 'startup'),
               CAST(nullif(trim(pic), '') AS BIGINT), nullif(regexp_extract(trim(ror), '([^/]+)$', 1), ''),
               nullif(trim(kvk), ''), nullif(trim(city), ''), nullif(trim(postcode), ''),
               coalesce(nullif(upper(trim(country)), ''), 'NL'), nullif(trim(website), ''), nullif(trim(note), ''), ?, _row + 1
        FROM {table} WHERE trim(actor_id) NOT IN (SELECT actor_id FROM user_actor)""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_ventures", ("stg_st", 9))
def insert_ventures(table: str, batch: int):
    return dynamic("framework.insert_ventures", f"""
        INSERT INTO venture
        SELECT trim(actor_id), {ecosystem_list_sql()}, CAST({number_sql('founding_year')} AS INTEGER),
               nullif(trim(sector), ''), nullif(lower(trim(stage)), ''), nullif(trim(parent), ''),
               nullif(trim(ip_holder), ''), CAST({number_sql('spin_off_year')} AS INTEGER), ?, _row + 1
        FROM {table}""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_spin_off_relations", ("stg_st", 9))
def insert_spin_off_relations(table: str, batch: int):
    """Spin-off parentage as a relation of the user's (parent -> spin-off), in the year of the spin-off."""
    return dynamic("framework.insert_spin_off_relations", f"""
        INSERT INTO user_relation
        SELECT trim(parent), trim(actor_id), 'spin_off',
               CAST(coalesce({number_sql('spin_off_year')}, {number_sql('founding_year')}) AS INTEGER), NULL, NULL,
               CASE WHEN nullif(trim(ip_holder), '') IS NOT NULL THEN 'on the IP of ' || trim(ip_holder) END, ?, _row + 1
        FROM {table} WHERE nullif(trim(parent), '') IS NOT NULL""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_employees", ("stg_st_emp", 9))
def insert_employees(table: str, batch: int):
    return dynamic("framework.insert_employees", f"""
        INSERT INTO venture_employees
        SELECT trim(actor_id), CAST({number_sql('year')} AS INTEGER), {number_sql('employees')}, {yes_sql()}, ?, _row + 1
        FROM {table}""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_finance", ("stg_fin", 9))
def insert_finance(table: str, batch: int):
    return dynamic("framework.insert_finance", f"""
        INSERT INTO financing_event
        SELECT trim(actor_id), nullif(trim(round), ''), CAST(left(trim(date), 10) AS DATE), {number_sql('amount')},
               nullif(upper(trim(currency)), ''), nullif(trim(investors), ''), lower(trim(instrument)), {yes_sql()},
               nullif(trim(source), ''), ?, _row + 1
        FROM {table}""", [batch], engines=DUCKDB_ONLY)


@builder("framework.insert_rules", ("stg_rules", [2], ['["https://example.org"]'], ["law"], 9))
def insert_rules(table: str, rows: list[int], evidence: list[str], formal: list[str], batch: int):
    return dynamic("framework.insert_rules", f"""
        INSERT INTO rule_entry
        SELECT e, lower(trim(s.rule_type)), lower(trim(s.rule_type)) IN (SELECT unnest(CAST(? AS VARCHAR[]))),
               trim(s.title), nullif(trim(s.text), ''), CAST(left(trim(s.date), 10) AS DATE), trim(s.source), ev.evidence,
               nullif(trim(s.challenges), ''), coalesce(nullif(lower(trim(s.effect)), ''), 'neutral'),
               nullif(lower(trim(s.status)), ''), trim(s.author), ?, s._row + 1
        FROM {table} s
        JOIN (SELECT unnest(CAST(? AS BIGINT[])) AS _row, unnest(CAST(? AS VARCHAR[])) AS evidence) ev USING (_row),
             unnest({ecosystem_list_sql()}) AS t(e)""", [formal, batch, rows, evidence], engines=DUCKDB_ONLY)


@builder("framework.export_to_finance", ("stg_export", {"name": "Organization Name", "date": "Announced Date"}, "crunchbase"))
def export_to_finance(table: str, columns: dict[str, str], prefix: str):
    """A staged Dealroom/Crunchbase export in the finance template's columns (``columns``: template field ->
    export column); the company becomes actor ``<prefix>:<name in lower case>``."""
    def col(f: str) -> str:
        return f'CAST("{columns[f]}" AS VARCHAR)' if f in columns else "NULL"

    return dynamic("framework.export_to_finance", f"""
        CREATE OR REPLACE TEMP TABLE stg_fin AS
        SELECT _row, '{prefix}:' || lower(trim({col('name')})) AS actor_id, trim({col('name')}) AS name,
               {col('round')} AS round, {col('date')} AS date, {col('amount')} AS amount, {col('currency')} AS currency,
               {col('investors')} AS investors, {col('instrument')} AS instrument_raw, NULL::VARCHAR AS instrument,
               'no' AS confidential, '{prefix} export' AS source, {col('founding_year')} AS founding_year,
               {col('city')} AS city, {col('sector')} AS sector, {col('website')} AS website
        FROM {table}""", engines=DUCKDB_ONLY)


@builder("framework.map_instruments", ("stg_fin", ["seed"], ["seed"]))
def map_instruments(table: str, raw: list[str], mapped: list[str]):
    """Instrument codes for the export's round types (lower case; an unmapped type becomes 'other')."""
    return dynamic("framework.map_instruments", f"""
        UPDATE {table} SET instrument = coalesce(
            (SELECT m.code FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS raw, unnest(CAST(? AS VARCHAR[])) AS code) m
             WHERE m.raw = lower(trim({table}.instrument_raw))),
            CASE WHEN lower(trim(instrument_raw)) LIKE 'series %' THEN 'vc' END, 'other')""", [raw, mapped],
                   engines=DUCKDB_ONLY)


@builder("framework.export_actors", ("stg_fin", "crunchbase"))
def export_actors(table: str, prefix: str):
    """The companies of a staged export, once each, in the startups template's columns."""
    return dynamic("framework.export_actors", f"""
        CREATE OR REPLACE TEMP TABLE stg_st AS
        SELECT min(_row) AS _row, actor_id, any_value(name) AS name, 'startup' AS actor_type, NULL::VARCHAR AS ecosystems,
               any_value(founding_year) AS founding_year, any_value(sector) AS sector, NULL::VARCHAR AS stage,
               any_value(city) AS city, NULL::VARCHAR AS postcode, NULL::VARCHAR AS kvk, NULL::VARCHAR AS pic,
               NULL::VARCHAR AS ror, NULL::VARCHAR AS country, any_value(website) AS website, NULL::VARCHAR AS parent,
               NULL::VARCHAR AS ip_holder, NULL::VARCHAR AS spin_off_year, '{prefix} export' AS note
        FROM {table} WHERE actor_id IS NOT NULL GROUP BY actor_id""", engines=DUCKDB_ONLY)


SET_STAGED_ECOSYSTEM = query("framework.set_staged_ecosystem", "UPDATE stg_st SET ecosystems = ?", engines=DUCKDB_ONLY)


@builder("framework.founding_years", ("stg_fin",))
def founding_years(table: str):
    """A founding date as the export writes it (2015-03-01 or 2015) reduced to the year."""
    return dynamic("framework.founding_years", f"""UPDATE {table} SET founding_year = CAST(year(TRY_CAST(
        CASE WHEN regexp_full_match(trim(founding_year), '[0-9]{{4}}') THEN trim(founding_year) || '-01-01'
             ELSE left(trim(founding_year), 10) END AS DATE)) AS VARCHAR) WHERE founding_year IS NOT NULL""",
                   engines=DUCKDB_ONLY)


# -- readers -------------------------------------------------------------------------------------------------------
# The framework data are the user's own files, held in the workspace: the readers that select an ecosystem and the
# ecosystems nested in it (``list_has_any``, which sqlglot writes as ``&&``, not Spark's ``arrays_overlap``) run on
# DuckDB only.
FACILITIES_OF = query("framework.facilities_of", f"""
    SELECT f.facility_id, f.name, f.facility_type, f.owner_ref, o.name AS owner_name, f.operator_ref, p.name AS operator_name,
           f.lat, f.lon, f.postcode, f.city, f.municipality, f.opening_year, f.capacity, f.capacity_unit, f.website,
           b.file AS source_file, f.source_row
    FROM facility f JOIN import_batch b USING (batch_id)
    LEFT JOIN {REFS} o ON lower(o.ref) = lower(f.owner_ref)
    LEFT JOIN {REFS} p ON lower(p.ref) = lower(f.operator_ref)
    WHERE list_has_any(f.ecosystems, CAST(? AS VARCHAR[])) ORDER BY f.name""", engines=DUCKDB_ONLY)

INVESTMENTS_OF = query("framework.investments_of", f"""
    SELECT i.facility_id, f.name AS facility, i.year, i.amount, i.currency, i.funder_ref, r.name AS funder_name,
           i.confidential, i.source
    FROM facility_investment i JOIN facility f USING (facility_id)
    LEFT JOIN {REFS} r ON lower(r.ref) = lower(i.funder_ref)
    WHERE list_has_any(f.ecosystems, CAST(? AS VARCHAR[])) ORDER BY f.name, i.year""", engines=DUCKDB_ONLY)

#: facility use with the user's actor type (as given, else of the referenced actor) and its category for #21
USE_OF = query("framework.use_of", f"""
    SELECT u.facility_id, f.name AS facility, u.user_ref, r.name AS user_name,
           coalesce(u.user_type, r.actor_type) AS user_type, u.amount, u.amount_unit, u.since_year, u.until_year
    FROM facility_use u JOIN facility f USING (facility_id)
    LEFT JOIN {REFS} r ON lower(r.ref) = lower(u.user_ref)
    WHERE list_has_any(f.ecosystems, CAST(? AS VARCHAR[])) ORDER BY f.name, r.name""", engines=DUCKDB_ONLY)

VENTURES_OF = query("framework.ventures_of", f"""
    SELECT v.actor_id, a.name, a.actor_type, v.founding_year, v.sector, v.stage, v.parent_ref, p.name AS parent_name,
           p.actor_type AS parent_type, v.ip_holder_ref, h.name AS ip_holder_name, v.spin_off_year, a.city
    FROM venture v
    LEFT JOIN (SELECT actor_id, any_value(name) AS name, any_value(actor_type) AS actor_type, any_value(city) AS city
               FROM user_actor GROUP BY 1) a USING (actor_id)
    LEFT JOIN {REFS} p ON lower(p.ref) = lower(v.parent_ref)
    LEFT JOIN {REFS} h ON lower(h.ref) = lower(v.ip_holder_ref)
    WHERE list_has_any(v.ecosystems, CAST(? AS VARCHAR[])) ORDER BY a.name""", engines=DUCKDB_ONLY)

EMPLOYEES_OF = query("framework.employees_of", """
    SELECT e.actor_id, e.year, e.employees, e.confidential
    FROM venture_employees e WHERE e.actor_id IN (SELECT actor_id FROM venture WHERE list_has_any(ecosystems, CAST(? AS VARCHAR[])))
    ORDER BY e.actor_id, e.year""", engines=DUCKDB_ONLY)

FINANCE_OF = query("framework.finance_of", """
    SELECT e.actor_id, a.name, e.round, e.event_date, year(e.event_date) AS year, e.amount, e.currency, e.investors,
           e.instrument, e.confidential, e.source
    FROM financing_event e
    LEFT JOIN (SELECT actor_id, any_value(name) AS name FROM user_actor GROUP BY 1) a USING (actor_id)
    WHERE e.actor_id IN (SELECT actor_id FROM venture WHERE list_has_any(ecosystems, CAST(? AS VARCHAR[])))
    ORDER BY e.event_date, a.name""", engines=DUCKDB_ONLY)

RULES_OF = query("framework.rules_of", """
    SELECT rule_type, formal, title, text, entry_date, source, evidence, challenges, effect, status, author
    FROM rule_entry WHERE ecosystem_id = ? ORDER BY formal DESC, entry_date DESC, title""")

#: where the framework data of each kind came from (provenance of the indicators)
FRAMEWORK_BATCHES = query("framework.batches", """
    SELECT dataset, file, batch_id, rows, imported_at FROM import_batch WHERE dataset LIKE 'framework:%' ORDER BY batch_id""")

HAS_FRAMEWORK_DATA = query("framework.has_data", """
    SELECT (SELECT count(*) FROM facility WHERE list_has_any(ecosystems, CAST(? AS VARCHAR[])))
         + (SELECT count(*) FROM venture WHERE list_has_any(ecosystems, CAST(? AS VARCHAR[])))
         + (SELECT count(*) FROM rule_entry WHERE ecosystem_id = ?)""", engines=DUCKDB_ONLY)

#: high-growth enterprises (OECD-Eurostat): per firm and end year t, employees at t - period and t
HIGH_GROWTH = query("framework.high_growth", """
    SELECT e1.actor_id, e1.year, e0.employees AS start_employees, e1.employees AS end_employees, v.founding_year,
           v.sector, e0.confidential OR e1.confidential AS confidential
    FROM venture_employees e1
    JOIN venture_employees e0 ON e0.actor_id = e1.actor_id AND e0.year = e1.year - ?
    JOIN venture v ON v.actor_id = e1.actor_id
    WHERE list_has_any(v.ecosystems, CAST(? AS VARCHAR[])) AND e0.employees >= ? AND e0.employees > 0
      AND power(e1.employees / e0.employees, 1.0 / ?) - 1 >= ? - 1e-9
    ORDER BY e1.year, e1.actor_id""", engines=DUCKDB_ONLY)

#: the years with employee counts for a firm at both ends of the period (the scale-up count is known for them)
GROWTH_YEARS = query("framework.growth_years", """
    SELECT DISTINCT e1.year FROM venture_employees e1
    JOIN venture_employees e0 ON e0.actor_id = e1.actor_id AND e0.year = e1.year - ?
    JOIN venture v ON v.actor_id = e1.actor_id
    WHERE list_has_any(v.ecosystems, CAST(? AS VARCHAR[])) ORDER BY 1""", engines=DUCKDB_ONLY)

ECOSYSTEMS_WITH_DATA = query("framework.ecosystems_with_data", """
    SELECT DISTINCT e FROM (SELECT unnest(ecosystems) AS e FROM facility UNION ALL SELECT unnest(ecosystems) FROM venture
                            UNION ALL SELECT ecosystem_id FROM rule_entry) ORDER BY 1""")

#: the nesting of the ecosystems: what is recorded for an ecosystem belongs to every ecosystem it nests in
ECOSYSTEM_PARENTS = query("framework.ecosystem_parents", "SELECT ecosystem_id, parent FROM ecosystem ORDER BY position")
