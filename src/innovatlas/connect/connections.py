"""Connections between ecosystems: the collaboration matrix, bridges and global pipelines.

**Collaboration matrix.** For ecosystems ``i`` and ``j``, ``c_ij`` = joint projects: in-scope
projects of both with a member of ``i`` and a *different* organisation that is a member of
``j``; also the distinct organisation pairs (member of ``i``, member of ``j``) and the EC funding
(maximum EC contribution) of the joint projects. Normalised with the **association strength**
(van Eck, N.J. & Waltman, L. (2009). How to normalize cooccurrence data? An analysis of some
well-known similarity measures. *J. Am. Soc. Inf. Sci. Technol.* 60(8), 1635-1651)::

    AS_ij = c_ij / (s_i s_j)        O/E_ij = c_ij / (s_i s_j / m) = m * AS_ij

with ``s_i`` the projects of ``i`` and ``m`` all projects in the workspace (in the period): under
independence ``i`` and ``j`` would share ``s_i s_j / m`` projects, so O/E > 1 means they work
together more often than their sizes predict.

**Bridges**: the organisations that carry most of the joint projects between two ecosystems,
and those linking the most ecosystems of the set; the organisations that are members of
several ecosystems of the set.

**Global pipelines** ("local buzz, global pipelines", Bathelt, Malmberg & Maskell 2004):
each ecosystem's collaboration relations (distinct organisation pairs, the convention of
indicator #18: pairs inside counted once) by where the partner is (in the ecosystem / rest of
NL / EU-28 / associated / third countries), and its top foreign partner countries and
organisations.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from innovatlas.connect._common import names_of, require_ids
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["association_strength", "observed_expected", "collaboration_matrix", "bridges", "pair_bridges",
           "multi_members", "pipelines", "relation_shares_sql", "CLASSES", "CITATION"]

CLASSES = ("internal", "rest_nl", "eu", "associated", "third_country")
CITATION = ("van Eck, N.J. & Waltman, L. (2009). How to normalize cooccurrence data? An analysis of some well-known "
            "similarity measures. J. Am. Soc. Inf. Sci. Technol. 60(8), 1635-1651.")


def association_strength(c: np.ndarray, s: np.ndarray) -> np.ndarray:
    """AS_ij = c_ij / (s_i s_j); NaN on the diagonal and where a size is 0.

    >>> c = np.array([[0, 2, 1], [2, 0, 0], [1, 0, 0]])
    >>> association_strength(c, np.array([4, 3, 2])).round(4).tolist()
    [[nan, 0.1667, 0.125], [0.1667, nan, 0.0], [0.125, 0.0, nan]]
    """
    c = np.asarray(c, dtype=float)
    s = np.asarray(s, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = c / np.outer(s, s)
    out[~np.isfinite(out)] = np.nan
    np.fill_diagonal(out, np.nan)
    return out


def observed_expected(c: np.ndarray, s: np.ndarray, m: float) -> np.ndarray:
    """Observed / expected joint projects, c_ij / (s_i s_j / m) = m * AS_ij.

    >>> observed_expected(np.array([[0, 2], [2, 0]]), np.array([4, 3]), 10).round(4).tolist()
    [[nan, 1.6667], [1.6667, nan]]
    """
    return association_strength(c, s) * float(m)


def collaboration_matrix(ws: Workspace, ids: list[str] | None = None, *, year_from: int | None = None,
                         year_to: int | None = None, scope: str = "municipality", lang: str = "en") -> dict[str, Any]:
    """Raw and normalised collaboration matrix of the ecosystems (default: the knowledge cities)."""
    ids = require_ids(ws, ids, scope)
    rows = ws.rows(Q.matrix(ids, year_from, year_to))
    sizes = dict(ws.rows(Q.ecosystem_projects(ids, year_from, year_to)))
    m = ws.scalar(Q.projects_in_period(year_from, year_to)) or 0
    n = len(ids)
    idx = {e: i for i, e in enumerate(ids)}
    c = np.zeros((n, n))
    pairs = np.zeros((n, n))
    ec = np.zeros((n, n))
    for a, b, proj, op, money in rows:
        i, j = idx[a], idx[b]
        c[i, j] = c[j, i] = proj
        pairs[i, j] = pairs[j, i] = op
        ec[i, j] = ec[j, i] = money
    s = np.array([sizes.get(e, 0) for e in ids], dtype=float)
    a_s = association_strength(c, s)
    oe = observed_expected(c, s, m)
    names = names_of(ws, ids)
    clean = lambda a, d=4: [[None if not np.isfinite(v) else round(float(v), d) for v in row] for row in a]  # noqa: E731
    plist = []
    for i in range(n):
        for j in range(i + 1, n):
            plist.append({"a": ids[i], "b": ids[j], "a_name": names[ids[i]][lang], "b_name": names[ids[j]][lang],
                          "joint_projects": int(c[i, j]), "organisation_pairs": int(pairs[i, j]),
                          "joint_ec_eur": round(float(ec[i, j]), 2),
                          "association_strength": None if not np.isfinite(a_s[i, j]) else float(a_s[i, j]),
                          "observed_expected": None if not np.isfinite(oe[i, j]) else round(float(oe[i, j]), 4)})
    plist.sort(key=lambda r: (-r["joint_projects"], r["a"], r["b"]))
    return {"ecosystems": [{"id": e, "name": names[e][lang], "projects": int(sizes.get(e, 0))} for e in ids],
            "joint_projects": c.astype(int).tolist(), "organisation_pairs": pairs.astype(int).tolist(),
            "joint_ec_eur": ec.round(2).tolist(), "association_strength": clean(a_s, 8), "observed_expected": clean(oe),
            "projects_in_period": int(m), "year_from": year_from, "year_to": year_to, "pairs": plist,
            "method": ("joint projects = projects with members of both (different organisations); AS = c_ij/(s_i s_j); "
                       "O/E = c_ij m/(s_i s_j), s_i = projects of i, m = projects in the workspace in the period"),
            "citation": CITATION}


def pair_bridges(ws: Workspace, a: str, b: str, *, limit: int = 10, year_from: int | None = None,
                 year_to: int | None = None) -> list[dict[str, Any]]:
    """The organisations carrying most of the joint projects between ``a`` and ``b``, with their share."""
    require_ids(ws, [a, b])
    return ws.dicts(Q.pair_bridges(a, b, limit, year_from, year_to))


def bridges(ws: Workspace, ids: list[str] | None = None, *, limit: int = 15, scope: str = "municipality",
            lang: str = "en") -> list[dict[str, Any]]:
    """Organisations with joint projects with the most *other* ecosystems of the set, and the pair they carry most."""
    ids = require_ids(ws, ids, scope)
    rows = ws.dicts(Q.bridges(ids, limit))
    names = names_of(ws, ids)
    for r in rows:
        r["ecosystem_name"] = names[r["ecosystem_id"]][lang]
        r["carries_pair_with_name"] = names[r["carries_pair_with"]][lang]
    return rows


def multi_members(ws: Workspace, ids: list[str] | None = None, *, limit: int = 20,
                  scope: str = "municipality") -> dict[str, Any]:
    """Organisations that are members of two or more of the ecosystems (overlapping definitions)."""
    ids = require_ids(ws, ids, scope)
    rows = ws.dicts(Q.multi_members(ids, limit))
    total = ws.scalar(Q.MULTI_MEMBERS_TOTAL, [ids])
    return {"total": int(total or 0), "items": rows}


def relation_shares_sql(ws: Workspace, ids: list[str], year_from: int | None = None,
                        year_to: int | None = None) -> list[tuple[str, str, int]]:
    """(ecosystem, partner class, relations) computed from the participations, the convention of indicator #18."""
    return ws.rows(Q.relation_shares(ids, year_from, year_to))


def pipelines(ws: Workspace, ids: list[str] | None = None, *, top: int = 5, scope: str = "municipality",
              year_from: int | None = None, year_to: int | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """Per ecosystem: shares of collaboration relations by partner origin, top foreign countries and organisations.

    Over all years the shares are the stored indicator #18 values (the same count); for a period they are computed.
    """
    ids = require_ids(ws, ids, scope)
    if year_from is None and year_to is None:
        shares = ws.rows(Q.STORED_RELATION_SHARES, [ids])
    else:
        shares = relation_shares_sql(ws, ids, year_from, year_to)
    rows = ws.rows(Q.pipelines(ids, top, year_from, year_to))
    countries = sorted(((e, c, n, k) for kind, e, _p, c, n, k in rows if kind == "country"), key=lambda r: (r[0], -r[3], r[1]))
    org_rows = sorted(((e, pic, k) for kind, e, pic, _c, _n, k in rows if kind == "org"), key=lambda r: (r[0], -r[2], r[1]))
    info = {pic: (label, country) for pic, label, country in ws.rows(
        Q.ORGANISATION_INFO, [[r[1] for r in org_rows]])}
    orgs = [(e, pic, info.get(pic, (None, None))[0], info.get(pic, (None, None))[1], k) for e, pic, k in org_rows]
    names = names_of(ws, ids)
    out = {e: {"id": e, "name": names[e][lang], "relations": {c: 0 for c in CLASSES}, "countries": [], "organisations": []}
           for e in ids}
    for e, c, n in shares:
        if c in out[e]["relations"]:
            out[e]["relations"][c] = int(n)
    for e, country, n_orgs, n_proj in countries:
        out[e]["countries"].append({"country": country, "organisations": int(n_orgs), "projects": int(n_proj)})
    for e, pic, label, country, n_proj in orgs:
        out[e]["organisations"].append({"pic": pic, "label": label, "country": country, "projects": int(n_proj)})
    for r in out.values():
        total = sum(r["relations"].values())
        r["total_relations"] = total
        r["shares"] = {c: (r["relations"][c] / total if total else None) for c in CLASSES}
        r["foreign_share"] = ((r["relations"]["eu"] + r["relations"]["associated"] + r["relations"]["third_country"]) / total
                              if total else None)
    return list(out.values())
