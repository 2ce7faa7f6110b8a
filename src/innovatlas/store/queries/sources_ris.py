"""Queries behind innovatlas.sources.ris: the Regional Innovation Scoreboard load and the regional context
of an ecosystem (the latest RIS values of the NUTS-2 regions its members are located in)."""

from __future__ import annotations

from collections.abc import Mapping

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic


@builder("sources_ris.insert_statistics", ("stg_ris", 1))
def insert_statistics(t: str, batch: int):
    """Every filled-in value of the staged RIS database (an import: DuckDB only)."""
    return dynamic("sources_ris.insert_statistics", f"""
        INSERT INTO regional_statistic
        SELECT 'ris', trim("Region"), "RegionName", trim("Indicator"), CAST(CAST("Year" AS DOUBLE) AS INTEGER),
               TRY_CAST("Value" AS DOUBLE), CASE WHEN "Indicator" LIKE '0 %' THEN 'index (EU 2016 = 100)'
               ELSE 'normalised score' END, ?, _row
        FROM {t} WHERE "Value" IS NOT NULL""", [batch], engines=DUCKDB_ONLY)


@builder("sources_ris.regional_context", ({"PV20": "NL11", "PV28": "NL33"}, "nl", "ris"))
def regional_context(province_nuts2: Mapping[str, str], eco_id: str, source: str):
    """Latest statistics of the NUTS-2 regions of an ecosystem's members with each region's member share
    (``province_nuts2``: CBS province code -> NUTS-2 code)."""
    values = ", ".join(f"('{p}', '{n}')" for p, n in province_nuts2.items())
    return dynamic("sources_ris.regional_context", f"""
        WITH regions AS (
            SELECT n.nuts2, count(*) AS members FROM ecosystem_member m JOIN org_location l USING (pic)
            JOIN (VALUES {values}) n(province, nuts2) ON n.province = l.province_code
            WHERE m.ecosystem_id = ? GROUP BY 1),
        latest AS (SELECT region_code, indicator, max(year) AS year FROM regional_statistic WHERE source = ?
                   GROUP BY 1, 2)
        SELECT r.nuts2 AS region_code, any_value(s.region_name) AS region_name, s.indicator, s.year, s.value, s.unit,
               r.members, r.members / sum(r.members) OVER (PARTITION BY s.indicator) AS member_share
        FROM regions r JOIN latest l ON l.region_code = r.nuts2
        JOIN regional_statistic s ON s.region_code = l.region_code AND s.indicator = l.indicator AND s.year = l.year
             AND s.source = ?
        GROUP BY r.nuts2, s.indicator, s.year, s.value, s.unit, r.members
        ORDER BY s.indicator, r.members DESC""", [eco_id, source, source])
