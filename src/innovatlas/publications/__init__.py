"""Publications (issue 15): OpenAlex works per organisation and ecosystem, co-publication networks, and the
heterogeneous network of every link type.

The import is :mod:`innovatlas.sources.openalex`, the download :mod:`innovatlas.publications.fetch`, the
indicators #15-#17 :mod:`innovatlas.indicators.publications`, the networks :mod:`innovatlas.publications.network`.
Publication counts are public data (OpenAlex, CC0); the pages still read them through the same services as
every other value.
"""

from __future__ import annotations

from typing import Any

from innovatlas.store import Workspace
from innovatlas.store.queries import publications as Q

__all__ = ["compute_publications", "ecosystem_publications", "organisation_publications", "coverage"]


def compute_publications(ws: Workspace, engine=None, progress=None) -> None:
    """The analysis step: #15-#17 (on Spark: here, on the workspace, after the write-back) and the
    co-publication networks of every ecosystem."""
    from innovatlas.indicators.publications import compute_on_duckdb
    from innovatlas.publications.network import compute_copublication_networks
    from innovatlas.store.engines import DuckDBEngine

    if engine is not None and not isinstance(engine, DuckDBEngine):
        compute_on_duckdb(ws)
    compute_copublication_networks(ws, progress=progress)


def coverage(ws: Workspace) -> dict[str, Any]:
    """How many works the workspace holds, which years, from which files."""
    c = ws.dicts(Q.COVERAGE)[0]
    c["files"] = [f | {"file": str(f["file"]).replace("\\", "/").rsplit("/", 1)[-1], "folder": _folder(f["file"])}
                  for f in ws.dicts(Q.PROVENANCE)]  # the file's name, never an internal path
    return c


def _folder(path: str) -> str:
    parts = str(path).replace("\\", "/").rsplit("/", 2)
    return parts[-2] if len(parts) > 1 else ""


def _series(rows: list[dict[str, Any]], measure: str, breakdown: str = "") -> list[dict[str, Any]]:
    return [{"year": r["year"], "value": r["value"]} for r in rows
            if r["measure"] == measure and r["breakdown"] == breakdown and r["year"] is not None]


def _total(rows: list[dict[str, Any]], measure: str, breakdown: str = "") -> float | None:
    return next((r["value"] for r in rows if r["measure"] == measure and r["breakdown"] == breakdown
                 and r["year"] is None), None)


def ecosystem_publications(ws: Workspace, eco_id: str, top: int = 10) -> dict[str, Any]:
    """An ecosystem's publications over time, co-publication figures, top partners at home and abroad.

    ``in_data`` is False when the workspace has no OpenAlex works, or none of the ecosystem's members is on one:
    then every figure is "not in the data" (None), never 0.
    """
    cov = coverage(ws)
    rows = ws.dicts(Q.SERIES(eco_id))
    partners = ws.dicts(Q.TOP_PARTNERS(eco_id, eco_id, eco_id, 4 * top))
    home = [p for p in partners if p["side"] == "home"][:top]
    abroad = [p for p in partners if p["side"] == "abroad"][:top]
    metrics = {m: v for m, v, _d in ws.rows(Q.NETWORK_METRICS(eco_id))}
    source = next((r["source"] for r in rows), None)
    method = next((r["method"] for r in rows), None)
    totals = {k: _total(rows, *k.split(":")) if ":" in k else _total(rows, k) for k in (
        "publications", "publications_fractional", "copublications", "copublications:public_public",
        "copublications:public_private", "copublication_share:international", "copublication_share:eu",
        "copublication_share:third_country", "dual_appointment_proxy")}
    return {"ecosystem_id": eco_id, "workspace_works": cov["works"], "in_data": bool(rows),
            "coverage": cov, "totals": totals,
            "series": {"publications": _series(rows, "publications"),
                       "publications_fractional": _series(rows, "publications_fractional"),
                       "copublications": _series(rows, "copublications"),
                       "public_private": _series(rows, "copublications", "public_private"),
                       "public_public": _series(rows, "copublications", "public_public")},
            "partners_home": home, "partners_abroad": abroad, "network": metrics,
            "source": source, "method": method, "values": rows}


def organisation_publications(ws: Workspace, pic: int, top: int = 10) -> dict[str, Any]:
    """One organisation's works per year (full and fractional counting) and its top co-publishing partners."""
    years = ws.dicts(Q.organisation(int(pic)))
    partners = ws.dicts(Q.organisation_partners(int(pic), top))
    return {"pic": int(pic), "workspace_works": coverage(ws)["works"], "in_data": bool(years), "years": years,
            "works": sum(y["works"] for y in years) if years else None,
            "works_fractional": sum(y["works_fractional"] for y in years) if years else None,
            "partners": partners}
