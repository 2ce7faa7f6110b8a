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
from innovatlas.indicators.collaboration import partner_class_sql
from innovatlas.store import Workspace

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


def _period(year_from: int | None, year_to: int | None, col: str = "start_year") -> tuple[str, list]:
    return f"(? IS NULL OR {col} >= ?) AND (? IS NULL OR {col} <= ?)", [year_from, year_from, year_to, year_to]


def collaboration_matrix(ws: Workspace, ids: list[str] | None = None, *, year_from: int | None = None,
                         year_to: int | None = None, scope: str = "municipality", lang: str = "en") -> dict[str, Any]:
    """Raw and normalised collaboration matrix of the ecosystems (default: the knowledge cities)."""
    ids = require_ids(ws, ids, scope)
    cond, p = _period(year_from, year_to)
    rows = ws.rows(f"""
        WITH s AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope
                   WHERE list_contains(?, ecosystem_id) AND {cond}),
             pr AS (SELECT a.ecosystem_id AS ea, b.ecosystem_id AS eb, a.project_key, a.pic AS pa, b.pic AS pb
                    FROM s a JOIN s b ON a.project_key = b.project_key AND a.ecosystem_id < b.ecosystem_id AND a.pic <> b.pic),
             jp AS (SELECT DISTINCT ea, eb, project_key FROM pr)
        SELECT x.ea, x.eb, x.projects, y.org_pairs, x.ec FROM
            (SELECT ea, eb, count(*) AS projects, coalesce(sum(p.ec_max_contribution), 0) AS ec
             FROM jp JOIN project p USING (project_key) GROUP BY 1, 2) x
        JOIN (SELECT ea, eb, count(DISTINCT (least(pa, pb), greatest(pa, pb))) AS org_pairs FROM pr GROUP BY 1, 2) y
             USING (ea, eb)""", [ids] + p)
    sizes = dict(ws.rows(f"""SELECT ecosystem_id, count(DISTINCT project_key) FROM scope
                             WHERE list_contains(?, ecosystem_id) AND {cond} GROUP BY 1""", [ids] + p))
    m = ws.scalar(f"SELECT count(*) FROM project WHERE {cond}", p) or 0
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
    cond, p = _period(year_from, year_to)
    return ws.dicts(f"""
        WITH s AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope
                   WHERE ecosystem_id IN (?, ?) AND {cond}),
             pr AS (SELECT x.ecosystem_id AS side, x.pic, x.project_key, y.pic AS partner FROM s x JOIN s y
                    ON x.project_key = y.project_key AND x.ecosystem_id <> y.ecosystem_id AND x.pic <> y.pic),
             tot AS (SELECT count(DISTINCT project_key) AS n FROM pr)
        SELECT pr.pic, o.label, o.activity_type, pr.side AS ecosystem_id, count(DISTINCT pr.project_key) AS joint_projects,
               count(DISTINCT pr.partner) AS partners_other_side,
               count(DISTINCT pr.project_key) / max(tot.n) AS share_of_joint_projects
        FROM pr JOIN organisation o ON o.pic = pr.pic, tot
        GROUP BY ALL ORDER BY joint_projects DESC, partners_other_side DESC, pr.pic LIMIT {int(limit)}""",
                    [a, b] + p)


def bridges(ws: Workspace, ids: list[str] | None = None, *, limit: int = 15, scope: str = "municipality",
            lang: str = "en") -> list[dict[str, Any]]:
    """Organisations with joint projects with the most *other* ecosystems of the set, and the pair they carry most."""
    ids = require_ids(ws, ids, scope)
    rows = ws.dicts(f"""
        WITH s AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope WHERE list_contains(?, ecosystem_id)),
             pr AS (SELECT x.ecosystem_id AS home, x.pic, y.ecosystem_id AS other, x.project_key FROM s x JOIN s y
                    ON x.project_key = y.project_key AND x.ecosystem_id <> y.ecosystem_id AND x.pic <> y.pic),
             pairtot AS (SELECT least(home, other) AS ea, greatest(home, other) AS eb, count(DISTINCT project_key) AS n
                         FROM pr GROUP BY 1, 2),
             per AS (SELECT pr.pic, pr.home, pr.other, count(DISTINCT pr.project_key) AS k, max(t.n) AS n
                     FROM pr JOIN pairtot t ON t.ea = least(pr.home, pr.other) AND t.eb = greatest(pr.home, pr.other)
                     GROUP BY 1, 2, 3),
             best AS (SELECT pic, home, other, k, n FROM per QUALIFY row_number() OVER (PARTITION BY pic, home
                      ORDER BY k::DOUBLE / n DESC, other) = 1),
             agg AS (SELECT pr.pic, pr.home, count(DISTINCT pr.other) AS cities_linked,
                            count(DISTINCT pr.project_key) AS joint_projects FROM pr GROUP BY 1, 2)
        SELECT agg.pic, o.label, o.activity_type, agg.home AS ecosystem_id, agg.cities_linked, agg.joint_projects,
               best.other AS carries_pair_with, best.k AS pair_projects, best.k::DOUBLE / best.n AS share_of_pair
        FROM agg JOIN best USING (pic, home) JOIN organisation o ON o.pic = agg.pic
        ORDER BY cities_linked DESC, joint_projects DESC, agg.pic LIMIT {int(limit)}""", [ids])
    names = names_of(ws, ids)
    for r in rows:
        r["ecosystem_name"] = names[r["ecosystem_id"]][lang]
        r["carries_pair_with_name"] = names[r["carries_pair_with"]][lang]
    return rows


def multi_members(ws: Workspace, ids: list[str] | None = None, *, limit: int = 20,
                  scope: str = "municipality") -> dict[str, Any]:
    """Organisations that are members of two or more of the ecosystems (overlapping definitions)."""
    ids = require_ids(ws, ids, scope)
    rows = ws.dicts(f"""
        SELECT m.pic, o.label, o.activity_type, count(*) AS ecosystems, list(m.ecosystem_id ORDER BY m.ecosystem_id) AS ids
        FROM ecosystem_member m JOIN organisation o USING (pic) WHERE list_contains(?, m.ecosystem_id)
        GROUP BY m.pic, o.label, o.activity_type, o.participations HAVING count(*) >= 2
        ORDER BY ecosystems DESC, o.participations DESC, m.pic LIMIT {int(limit)}""", [ids])
    total = ws.scalar("""SELECT count(*) FROM (SELECT pic FROM ecosystem_member WHERE list_contains(?, ecosystem_id)
                         GROUP BY pic HAVING count(*) >= 2)""", [ids])
    return {"total": int(total or 0), "items": rows}


def relation_shares_sql(ws: Workspace, ids: list[str], year_from: int | None = None,
                        year_to: int | None = None) -> list[tuple[str, str, int]]:
    """(ecosystem, partner class, relations) computed from the participations, the convention of indicator #18."""
    cond, p = _period(year_from, year_to, "s.start_year")
    cls = partner_class_sql("m2.pic IS NOT NULL", "q.country")
    return ws.rows(f"""
        WITH pairs AS (
            SELECT DISTINCT s.ecosystem_id,
                   CASE WHEN m2.pic IS NOT NULL THEN least(s.pic, q.pic) ELSE s.pic END AS a,
                   CASE WHEN m2.pic IS NOT NULL THEN greatest(s.pic, q.pic) ELSE q.pic END AS b, {cls} AS cls
            FROM scope s JOIN participation q ON q.project_key = s.project_key AND q.pic <> s.pic
            LEFT JOIN ecosystem_member m2 ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
            WHERE list_contains(?, s.ecosystem_id) AND {cond})
        SELECT ecosystem_id, cls, count(*) FROM pairs GROUP BY 1, 2""", [ids] + p)


def pipelines(ws: Workspace, ids: list[str] | None = None, *, top: int = 5, scope: str = "municipality",
              year_from: int | None = None, year_to: int | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """Per ecosystem: shares of collaboration relations by partner origin, top foreign countries and organisations.

    Over all years the shares are the stored indicator #18 values (the same count); for a period they are computed.
    """
    ids = require_ids(ws, ids, scope)
    if year_from is None and year_to is None:
        shares = ws.rows("""SELECT ecosystem_id, breakdown, value FROM indicator_value WHERE list_contains(?, ecosystem_id)
                            AND measure = 'collaboration_relations' AND year IS NULL AND breakdown <> ''""", [ids])
    else:
        shares = relation_shares_sql(ws, ids, year_from, year_to)
    cond, p = _period(year_from, year_to, "start_year")
    rows = ws.rows(f"""
        WITH e AS (SELECT DISTINCT ecosystem_id, project_key FROM scope WHERE list_contains(?, ecosystem_id) AND {cond}),
             f AS MATERIALIZED (SELECT e.ecosystem_id, e.project_key, q.pic, q.country FROM e
                   JOIN participation q USING (project_key)
                   ANTI JOIN ecosystem_member m ON m.ecosystem_id = e.ecosystem_id AND m.pic = q.pic
                   WHERE q.country <> 'NL'),
             c AS (SELECT ecosystem_id, country, count(DISTINCT pic) AS orgs, count(DISTINCT project_key) AS projects
                   FROM f GROUP BY 1, 2
                   QUALIFY row_number() OVER (PARTITION BY ecosystem_id ORDER BY projects DESC, orgs DESC, country) <= {int(top)}),
             o AS (SELECT ecosystem_id, pic, count(DISTINCT project_key) AS projects FROM f GROUP BY 1, 2
                   QUALIFY row_number() OVER (PARTITION BY ecosystem_id ORDER BY projects DESC, pic) <= {int(top)})
        SELECT 'country', ecosystem_id, NULL::BIGINT, country, orgs, projects FROM c
        UNION ALL SELECT 'org', ecosystem_id, pic, NULL, NULL, projects FROM o""", [ids] + p)
    countries = sorted(((e, c, n, k) for kind, e, _p, c, n, k in rows if kind == "country"), key=lambda r: (r[0], -r[3], r[1]))
    org_rows = sorted(((e, pic, k) for kind, e, pic, _c, _n, k in rows if kind == "org"), key=lambda r: (r[0], -r[2], r[1]))
    info = {pic: (label, country) for pic, label, country in ws.rows(
        "SELECT pic, label, country FROM organisation WHERE list_contains(?, pic)", [[r[1] for r in org_rows]])}
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
