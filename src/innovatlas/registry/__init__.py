"""Organisation registry (issue 14): one organisation across every source.

:func:`build_registry` (run after every ROR or CORDIS import, inside its transaction, and by
``innovatlas matches run``) resolves CORDIS organisations against ROR records
(:mod:`innovatlas.registry.resolve`), applies the review decisions, and derives:

``registry_org``
    one row per organisation: key ``ror:<id>`` when a ROR record is linked, else
    ``pic:<pic>``; name (ROR's display name, else the CORDIS name), type, location,
    parent (ROR ``parent`` relationship), participations summed over all its PICs, and
    ``basis`` (how its records were joined).
``registry_identifier``
    every identifier: ``ror``, ``pic`` (per framework programme it appears in), and the
    external ids ROR gives (grid, isni, wikidata, fundref). No OpenAlex or VAT source is in
    the workspace yet; the schemes are reserved (:data:`innovatlas.model.registry.SCHEMES`).
``registry_name``
    every name variant with its source (ROR display name, alias, label, acronym; CORDIS
    name and short name per table).
``registry_relation``
    ROR relationships (parent, child, related, successor, predecessor) between registry keys.

A PIC is linked to at most one ROR record: an accepted decision first, else its best
``matched`` candidate. Several PICs may share one ROR record (one organisation).
"""

from __future__ import annotations

from innovatlas.store import Workspace

__all__ = ["build_registry", "derive_registry", "org_key_of_pic", "registry_summary"]


def build_registry(ws: Workspace) -> dict:
    """Resolve and derive the registry tables (call inside a transaction)."""
    from innovatlas.registry.resolve import resolve_cordis_ror

    from innovatlas.registry.coverage import place_from_registry

    counts = resolve_cordis_ror(ws)
    derive_registry(ws)
    if ws.scalar("SELECT count(*) FROM org_match"):
        counts["placed through ROR"] = place_from_registry(ws)
    if ws.scalar("SELECT count(*) FROM user_actor"):  # the user's own actors follow the registry keys
        from innovatlas.registry.actors import resolve_actors

        counts.update({f"actors {k}": v for k, v in resolve_actors(ws).items()})
    return counts


_LINKS = """
    SELECT CAST(left_id AS BIGINT) AS pic, right_id AS ror_id, method FROM org_match
    WHERE left_scheme = 'pic' AND right_scheme = 'ror' AND status IN ('accepted', 'matched')
    QUALIFY row_number() OVER (PARTITION BY left_id ORDER BY (status = 'accepted') DESC, score DESC NULLS FIRST, right_id) = 1
"""


def derive_registry(ws: Workspace) -> None:
    for t in ("registry_org", "registry_identifier", "registry_name", "registry_relation"):
        ws.execute(f"DELETE FROM {t}")
    ws.execute(f"CREATE OR REPLACE TEMP TABLE _links AS {_LINKS}")
    # An organisation's key is 'ror:<id>' when it has a ROR link, else 'pic:<pic>'; the statements below take it
    # from the few links instead of materialising a key for every organisation (issue 20).
    ws.execute("""
        INSERT INTO registry_org
        WITH ror AS (SELECT * FROM ror_record QUALIFY row_number() OVER (PARTITION BY ror_id ORDER BY batch_id DESC) = 1),
        parent AS (SELECT ror_id, min(related_id) AS parent FROM ror_relationship WHERE rel_type = 'parent' GROUP BY 1),
        per_ror AS (SELECT k.ror_id, sum(o.participations) AS n, string_agg(DISTINCT k.method, '; ') AS methods
                    FROM _links k JOIN organisation o USING (pic) GROUP BY 1)
        SELECT 'ror:' || r.ror_id, r.name, r.types, r.country_code, r.city, r.municipality, r.nuts3_code, r.lat, r.lng,
               CASE WHEN p.parent IS NOT NULL THEN 'ror:' || p.parent END, coalesce(pr.n, 0),
               CASE WHEN pr.ror_id IS NULL THEN 'ror only' ELSE 'ror + pic: ' || pr.methods END
        FROM ror r LEFT JOIN parent p USING (ror_id) LEFT JOIN per_ror pr USING (ror_id)
        UNION ALL
        SELECT 'pic:' || o.pic, o.label, o.actor_type, o.country, o.city, loc.municipality, o.nuts_code, NULL, NULL, NULL,
               o.participations, 'pic only'
        FROM organisation o LEFT JOIN org_location loc USING (pic)  -- the PICs without a ROR link
        WHERE o.pic NOT IN (SELECT pic FROM _links)""")
    ws.execute("""
        INSERT INTO registry_identifier
        SELECT DISTINCT 'ror:' || ror_id, 'ror', ror_id, NULL, 'ror' FROM ror_record
        UNION ALL
        SELECT DISTINCT 'ror:' || ror_id, scheme, value, NULL, 'ror' FROM ror_external_id""")
    # The PIC identifiers, one statement per source (their sources differ, so no row is in both): the organisation
    # key comes from the few ROR links ('ror:<id>', else 'pic:<pic>'), so no statement joins every
    # organisation's key with every participation (issue 20); each (pic, framework, source) is one row already.
    key = "coalesce('ror:' || l.ror_id, 'pic:' || f.pic)"
    for part in ("""SELECT DISTINCT p.pic, pr.framework, 'cordis participations' AS source
                    FROM participation p JOIN project pr USING (project_key)""",
                 """SELECT DISTINCT r.pic, CASE WHEN b.dataset LIKE '%fp7%' THEN 'FP7' WHEN b.dataset LIKE '%h2020%' THEN 'H2020' END
                           AS framework, b.dataset AS source
                    FROM organisation_record r JOIN import_batch b USING (batch_id)
                    WHERE b.dataset <> 'cordis participations'"""):
        ws.execute(f"""
            INSERT INTO registry_identifier
            SELECT {key}, 'pic', CAST(f.pic AS VARCHAR), f.framework, f.source
            FROM ({part}) f LEFT JOIN _links l USING (pic) WHERE f.pic IN (SELECT pic FROM organisation)""")
    ws.execute("INSERT INTO registry_name SELECT DISTINCT 'ror:' || ror_id, name, kind, lang, 'ror' FROM ror_name")
    # names and short names in one statement each (their kinds differ, so no row is in both), one DISTINCT each
    for col, kind in (("name", "name"), ("short_name", "short name")):
        ws.execute(f"""
            INSERT INTO registry_name
            SELECT DISTINCT {key}, trim(f.{col}), '{kind}', NULL, b.dataset
            FROM organisation_record f LEFT JOIN _links l USING (pic) JOIN import_batch b USING (batch_id)
            WHERE nullif(trim(f.{col}), '') IS NOT NULL AND f.pic IN (SELECT pic FROM organisation)""")
    ws.execute("""
        INSERT INTO registry_relation
        SELECT DISTINCT 'ror:' || ror_id, rel_type, 'ror:' || related_id, label, 'ror' FROM ror_relationship""")
    ws.execute("DROP TABLE IF EXISTS _links")


def org_key_of_pic(ws: Workspace, pic: int) -> str | None:
    return ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = ? LIMIT 1", [str(pic)])


def registry_summary(ws: Workspace) -> dict:
    """Counts for the CLI and reports."""
    r = ws.dicts("""
        SELECT (SELECT count(*) FROM registry_org) AS organisations,
               (SELECT count(*) FROM registry_org WHERE basis LIKE 'ror + pic%') AS linked,
               (SELECT count(DISTINCT left_id) FROM org_match WHERE status IN ('matched', 'accepted')) AS pics_linked,
               (SELECT count(*) FROM org_match WHERE status = 'uncertain') AS uncertain,
               (SELECT count(*) FROM match_decision) AS decisions""")[0]
    return r
