"""Naming and placing Dutch participants through the registry, and what each source added.

:func:`place_from_registry` places a Dutch organisation that the address rules of
:mod:`innovatlas.organisations` could not place, when it is linked to a ROR record whose GeoNames
municipality is a CBS municipality (method ``ROR record (registry match)``). :func:`registry_coverage`
reports, for the Dutch organisations that take part in projects, by organisations and by
participations: which source names them, how they were placed, and how many the registry links to
ROR. Organisations no source names stay in every count as ``PIC <n>`` and are reported as not
named: none of the tables in the workspace holds them.
"""

from __future__ import annotations

from innovatlas.model.ecosystem import KNOWLEDGE_CITIES
from innovatlas.store import Workspace

__all__ = ["place_from_registry", "registry_coverage", "REGISTRY_PLACEMENT"]

REGISTRY_PLACEMENT = "ROR record (registry match)"


def place_from_registry(ws: Workspace) -> int:
    """Place unplaced Dutch PICs through their matched ROR record (inside the caller's transaction)."""
    from innovatlas.organisations import _canon

    kc = ", ".join(f"('{k}', '{v.replace(chr(39), chr(39) * 2)}')" for k, v in KNOWLEDGE_CITIES.items())
    ws.execute(f"""
        CREATE OR REPLACE TEMP TABLE _rplace AS
        WITH muni AS (
            SELECT canon, arg_min(code, year) AS code, arg_min(name, year) AS name,
                   arg_min(corop_code, year) FILTER (WHERE corop_code IS NOT NULL) AS corop_code,
                   arg_min(province_code, year) FILTER (WHERE province_code IS NOT NULL) AS province_code
            FROM (SELECT *, {_canon('name')} AS canon FROM geo_region WHERE level = 'municipality') GROUP BY canon
        ), link AS (
            SELECT CAST(left_id AS BIGINT) AS pic, right_id AS ror_id, status = 'accepted' AS accepted FROM org_match
            WHERE left_scheme = 'pic' AND status IN ('matched', 'accepted')
              AND CAST(left_id AS BIGINT) IN (SELECT pic FROM org_location WHERE method LIKE 'unplaced%')
            QUALIFY row_number() OVER (PARTITION BY left_id ORDER BY (status = 'accepted') DESC, score DESC NULLS FIRST, right_id) = 1
        ), ror AS (
            SELECT ror_id, coalesce(nullif({_canon('municipality')}, ''), {_canon('city')}) AS canon
            FROM (SELECT ror_id, arg_max(municipality, batch_id) AS municipality, arg_max(city, batch_id) AS city
                  FROM ror_record WHERE country_code = 'NL' GROUP BY 1)
        ), todo AS (  -- the few unplaced Dutch organisations first, so no join runs over every organisation
            SELECT l.pic, l.method FROM org_location l JOIN organisation o USING (pic)
            WHERE l.method LIKE 'unplaced%' AND o.country = 'NL'
        )
        SELECT t.pic, m.code, m.name, m.corop_code, cr.name AS corop, m.province_code, pv.name AS province, kc.city AS kcity
        FROM todo t JOIN link k USING (pic) JOIN ror r USING (ror_id) JOIN muni m ON m.canon = r.canon
        LEFT JOIN (SELECT code, arg_max(name, year) AS name FROM geo_region WHERE level = 'corop' GROUP BY code) cr ON cr.code = m.corop_code
        LEFT JOIN (SELECT code, arg_max(name, year) AS name FROM geo_region WHERE level = 'province' GROUP BY code) pv ON pv.code = m.province_code
        LEFT JOIN (VALUES {kc}) kc(city, muni) ON kc.muni = m.name
        -- only where no source gives a city (or a reviewer accepted the match): when CORDIS names a city the
        -- rules could not place, ROR's GeoNames place is no better evidence (HORN, Limburg vs ROR's Hoorn)
        WHERE t.method = 'unplaced: no city or postcode in any source' OR k.accepted""")
    n = ws.scalar("SELECT count(*) FROM _rplace")
    if n:
        ws.execute(f"""
            UPDATE org_location l SET municipality_code = p.code, municipality = p.name, corop_code = p.corop_code,
                   corop = p.corop, province_code = p.province_code, province = p.province, knowledge_city = p.kcity,
                   method = '{REGISTRY_PLACEMENT}'
            FROM _rplace p WHERE p.pic = l.pic""")
    ws.execute("DROP TABLE IF EXISTS _rplace")
    return int(n or 0)


def registry_coverage(ws: Workspace) -> dict:
    """Dutch participants named, placed and linked to ROR, by organisations and by participations."""
    base = """FROM organisation o LEFT JOIN org_location l USING (pic)
              LEFT JOIN import_batch b ON b.batch_id = o.name_batch_id
              WHERE o.country = 'NL' AND o.participations > 0"""
    total = ws.dicts(f"SELECT count(*) AS organisations, coalesce(sum(o.participations), 0) AS participations {base}")[0]
    named = ws.dicts(f"""
        SELECT CASE WHEN o.name IS NULL THEN 'not named by any source' ELSE b.dataset END AS named_by,
               count(*) AS organisations, sum(o.participations) AS participations
        {base} GROUP BY 1 ORDER BY (named_by = 'not named by any source'), 2 DESC, 1""")
    placed = ws.dicts(f"""
        SELECT CASE WHEN l.method LIKE 'unplaced%' OR l.method IS NULL THEN 'not placed' ELSE l.method END AS placed_by,
               count(*) AS organisations, sum(o.participations) AS participations
        {base} GROUP BY 1 ORDER BY (placed_by = 'not placed'), 2 DESC, 1""")
    linked = ws.dicts(f"""
        SELECT count(*) AS organisations, coalesce(sum(o.participations), 0) AS participations {base}
          AND EXISTS (SELECT 1 FROM registry_identifier i WHERE i.scheme = 'pic' AND i.value = CAST(o.pic AS VARCHAR)
                      AND i.org_key LIKE 'ror:%')""")[0]
    merged = ws.scalar("""SELECT count(*) FROM registry_org WHERE country = 'NL' AND participations > 0""")
    named_n = sum(r["organisations"] for r in named if r["named_by"] != "not named by any source")
    named_p = sum(r["participations"] for r in named if r["named_by"] != "not named by any source")
    placed_n = sum(r["organisations"] for r in placed if r["placed_by"] != "not placed")
    placed_p = sum(r["participations"] for r in placed if r["placed_by"] != "not placed")
    share = lambda a, b: a / b if b else None  # noqa: E731
    return {
        "dutch_organisations": total["organisations"], "participations": total["participations"],
        "named": {"organisations": named_n, "participations": named_p,
                  "share_organisations": share(named_n, total["organisations"]),
                  "share_participations": share(named_p, total["participations"]), "by_source": named},
        "placed": {"organisations": placed_n, "participations": placed_p,
                   "share_organisations": share(placed_n, total["organisations"]),
                   "share_participations": share(placed_p, total["participations"]), "by_method": placed,
                   "by_registry": next((r["organisations"] for r in placed if r["placed_by"] == REGISTRY_PLACEMENT), 0)},
        "linked_to_ror": linked,
        "registered_organisations": merged,
        "note": "organisations 'not named by any source' take part under a PIC that none of the imported organisation "
                "tables lists; the official CORDIS organization.csv names them",
    }
