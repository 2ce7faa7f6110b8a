"""Service functions shared by the CLI, the report and (later) the web app.

``analyse`` delineates every defined ecosystem, computes the indicators and the networks
and stores them, all in one transaction. The read functions (``summary``, ``overlaps``,
...) only query what ``analyse`` stored.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from innovatlas.delineation import compile_scope
from innovatlas.errors import UnknownEcosystem, WorkspaceError
from innovatlas.indicators import compute_all, compute_signals
from innovatlas.model.ecosystem import EcosystemSet, parse_definitions, read_definitions
from innovatlas.network import compute_networks
from innovatlas.store import Workspace

__all__ = ["demo_definitions", "load_definitions", "delineate", "analyse", "summary", "overlaps", "headlines",
           "ecosystems", "placement", "ACTIVITY_TYPES"]

ACTIVITY_TYPES = ("HES", "REC", "PRC", "PUB", "OTH")


def demo_definitions() -> EcosystemSet:
    """The national, thirteen knowledge-city and thematic ecosystems shipped with innovatlas."""
    import tomllib

    text = resources.files("innovatlas").joinpath("data/demo_ecosystems.toml").read_text(encoding="utf-8")
    return parse_definitions(tomllib.loads(text), origin="demo_ecosystems.toml")


def load_definitions(path: str | Path | None = None, *, with_demo: bool = True) -> EcosystemSet:
    base = demo_definitions() if with_demo else None
    if path is None:
        if base is None:
            raise WorkspaceError("no ecosystem definitions given")
        return base
    return read_definitions(path, base=base)


def delineate(ws: Workspace, ecoset: EcosystemSet) -> None:
    """Store definitions and materialise members and projects of every ecosystem."""
    with ws.transaction():
        for table in ("ecosystem", "ecosystem_member", "ecosystem_project", "scope"):
            ws.execute(f"DELETE FROM {table}")
        parts, params = [], []
        for pos, eco in enumerate(ecoset):
            ws.execute("INSERT INTO ecosystem VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
                       [eco.id, eco.name_en, eco.name_nl, eco.kind.value, eco.parent, eco.description,
                        eco.model_dump_json(), pos])
            sql, p = compile_scope(eco.select)
            parts.append(f"SELECT ? AS ecosystem_id, pic, project_key FROM ({sql})")
            params += [eco.id] + p
        # one statement for all ecosystems: DuckDB plans the branches together
        ws.execute("CREATE OR REPLACE TEMP TABLE _scope AS " + " UNION ALL ".join(parts), params)
        ws.execute("INSERT INTO ecosystem_member SELECT DISTINCT ecosystem_id, pic FROM _scope")
        ws.execute("INSERT INTO ecosystem_project SELECT DISTINCT ecosystem_id, project_key FROM _scope")
        ws.execute("DROP TABLE IF EXISTS _scope")
        ws.execute("""
            INSERT INTO scope
            SELECT m.ecosystem_id, p.project_key, p.pic, p.role, p.activity_type, p.sme, p.ec_contribution, p.country,
                   pr.start_year, o.actor_type, p.batch_id
            FROM ecosystem_member m
            JOIN participation p ON p.pic = m.pic
            JOIN ecosystem_project e ON e.ecosystem_id = m.ecosystem_id AND e.project_key = p.project_key
            JOIN project pr ON pr.project_key = p.project_key
            JOIN organisation o ON o.pic = p.pic""")


def analyse(ws: Workspace, ecoset: EcosystemSet, *, weight: str = "projects", progress=None,
            diagnose: bool = True) -> None:
    """Delineate, compute indicators and networks, then signals and the diagnosis; all or nothing.

    ``diagnose=False`` stops after the networks (the spine benchmark times that part alone).
    """
    if not ws.scalar("SELECT count(*) FROM participation"):
        raise WorkspaceError(f"workspace {ws.path} holds no participations yet. Import CORDIS data first: "
                             "'innovatlas import cordis FILE'.")
    if weight not in ("projects", "fractional"):
        raise WorkspaceError(f"unknown edge weight '{weight}': use 'projects' or 'fractional'")
    say = progress or (lambda _m: None)
    with ws.transaction():
        say("delineating ecosystems")
        delineate(ws, ecoset)
        say("computing indicators")
        compute_all(ws)
        compute_networks(ws, weight=weight, progress=say)
        if not diagnose:
            return
        say("computing network signals and the diagnosis")
        compute_signals(ws)
        from innovatlas.diagnose import diagnose_all

        diagnose_all(ws)


def ecosystems(ws: Workspace) -> list[dict[str, Any]]:
    return ws.dicts("""SELECT e.*, (SELECT count(*) FROM ecosystem_member m WHERE m.ecosystem_id = e.ecosystem_id) AS members
                       FROM ecosystem e ORDER BY position""")


def _require(ws: Workspace, eco_id: str) -> dict[str, Any]:
    rows = ws.dicts("SELECT * FROM ecosystem WHERE ecosystem_id = ?", [eco_id])
    if not rows:
        raise UnknownEcosystem(eco_id, [r[0] for r in ws.rows("SELECT ecosystem_id FROM ecosystem ORDER BY position")])
    return rows[0]


def summary(ws: Workspace, eco_id: str) -> dict[str, Any]:
    """Headline figures of one analysed ecosystem (the keys of ``innovatlas summary --json``)."""
    eco = _require(ws, eco_id)
    totals = {(m, b): v for m, b, v in ws.rows(
        "SELECT measure, breakdown, value FROM indicator_value WHERE ecosystem_id = ? AND year IS NULL", [eco_id])}
    num = lambda v: 0 if v is None else (int(v) if float(v).is_integer() else float(v))  # noqa: E731
    val = lambda m, b="": totals.get((m, b))  # noqa: E731
    by_type = {act: {k: num(val(k, f"activity:{act}")) for k in ("participations", "organisations", "ec_contribution_eur")}
               for act in ACTIVITY_TYPES}
    metrics = {m: (json.loads(d) if d else v) for m, v, d in ws.rows(
        "SELECT metric, value, detail FROM network_metric WHERE ecosystem_id = ?", [eco_id])}
    return {
        "ecosystem": eco_id,
        "name": eco["name_en"],
        "kind": eco["kind"],
        "participations": num(val("participations")),
        "organisations": num(val("organisations")),
        "projects": num(val("projects")),
        "ec_contribution_eur": round(float(val("ec_contribution_eur") or 0), 2),
        "coordinator_roles": num(val("coordinator_roles")),
        "by_activity_type": by_type,
        "internal_organisation_pairs": num(val("collaboration_relations", "internal")),
        "projects_with_third_country_partner": num(val("projects_with_third_country_partner")),
        "collaboration_relations": {c: num(val("collaboration_relations", c))
                                    for c in ("internal", "rest_nl", "eu", "associated", "third_country")},
        "sme_share": val("sme_share"),
        "organisation_degree": val("organisation_degree"),
        "network": {k: metrics.get(k) for k in ("nodes", "edges", "density", "components", "largest_component_share",
                                                "communities", "modularity", "link_shares")},
    }


def headlines(ws: Workspace) -> list[dict[str, Any]]:
    """One row per ecosystem with its headline totals, in one query (for overview tables)."""
    return ws.dicts("""
        SELECT e.ecosystem_id, e.name_en, e.name_nl, e.kind, e.parent,
               max(v.value) FILTER (WHERE v.measure = 'organisations') AS organisations,
               max(v.value) FILTER (WHERE v.measure = 'participations') AS participations,
               max(v.value) FILTER (WHERE v.measure = 'projects') AS projects,
               max(v.value) FILTER (WHERE v.measure = 'ec_contribution_eur') AS ec_contribution_eur,
               max(v.value) FILTER (WHERE v.measure = 'coordinator_roles') AS coordinator_roles,
               max(v.value) FILTER (WHERE v.measure = 'collaboration_relations' AND v.breakdown = 'internal')
                   AS internal_organisation_pairs
        FROM ecosystem e LEFT JOIN indicator_value v
             ON v.ecosystem_id = e.ecosystem_id AND v.year IS NULL AND v.breakdown IN ('', 'internal')
        GROUP BY e.ecosystem_id, e.name_en, e.name_nl, e.kind, e.parent, e.position ORDER BY e.position""")


def overlaps(ws: Workspace, eco_id: str | None = None) -> list[dict[str, Any]]:
    """Shared members and Jaccard index for every pair of ecosystems (or those involving one)."""
    if eco_id:
        _require(ws, eco_id)
    return ws.dicts("""
        WITH sizes AS (SELECT ecosystem_id, count(*) AS n FROM ecosystem_member GROUP BY 1),
             shared AS (SELECT a.ecosystem_id AS a, b.ecosystem_id AS b, count(*) AS shared
                        FROM ecosystem_member a JOIN ecosystem_member b ON a.pic = b.pic AND a.ecosystem_id < b.ecosystem_id
                        GROUP BY 1, 2)
        SELECT s.a, s.b, s.shared, sa.n AS members_a, sb.n AS members_b,
               s.shared / (sa.n + sb.n - s.shared) AS jaccard
        FROM shared s JOIN sizes sa ON sa.ecosystem_id = s.a JOIN sizes sb ON sb.ecosystem_id = s.b
        WHERE ? IS NULL OR s.a = ? OR s.b = ?
        ORDER BY jaccard DESC, s.a, s.b""", [eco_id, eco_id, eco_id])


def placement(ws: Workspace) -> dict[str, Any]:
    """How many Dutch participating organisations could be placed, and why the rest could not."""
    rows = ws.dicts("""
        SELECT l.method, count(*) AS organisations, sum(o.participations) AS participations
        FROM org_location l JOIN organisation o USING (pic) WHERE o.participations > 0
        GROUP BY 1 ORDER BY 2 DESC""")
    placed = sum(r["organisations"] for r in rows if not r["method"].startswith("unplaced"))
    total = sum(r["organisations"] for r in rows)
    unnamed = ws.scalar("SELECT count(*) FROM organisation WHERE country = 'NL' AND participations > 0 AND name IS NULL")
    unplaced_cities = ws.dicts("""
        SELECT o.city, count(*) AS organisations FROM org_location l JOIN organisation o USING (pic)
        WHERE o.participations > 0 AND l.method LIKE 'unplaced: city%' GROUP BY 1 ORDER BY 2 DESC, 1""")
    return {"dutch_organisations": total, "placed": placed, "unplaced": total - placed, "unnamed": unnamed,
            "by_method": rows, "unplaced_cities": unplaced_cities}
