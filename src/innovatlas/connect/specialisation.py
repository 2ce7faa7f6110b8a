"""Specialisation profiles: Balassa's revealed comparative advantage of every ecosystem over themes.

Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage. *The
Manchester School* 33(2), 99-123. For ecosystem ``e`` and theme ``t`` with activity
``x_et`` (participations, organisations or EC funding) and a reference population ``r``::

    RCA_et  = (x_et / x_e.) / (r_t / r_.)          (> 1: relatively specialised)
    RSCA_et = (RCA_et - 1) / (RCA_et + 1)           (symmetric, in [-1, 1]; > 0: specialised)

(the symmetric form after Dalum, Laursen & Villumsen 1998, *Int. Rev. Appl. Econ.* 12(3)).
``x_e.`` and ``r_.`` are the sums over the themes. Themes are the Horizon 2020 programme parts
of the projects (a project in two parts counts in both: whole counting). The imported
CORDIS files carry no H2020 topics, EuroSciVoc fields or publication topics, so those theme
sets are "not in the data" here.

Reference populations: ``nl`` (all Dutch participations, the default), ``eu28`` (all
participations from EU-28 member states), ``all`` (every participation).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from innovatlas.connect._common import EU28_ISO, BadChoice, names_of, require_ids, theme_name
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["rca", "rsca", "specialisation", "REFERENCES", "MEASURES", "MIN_ACTIVITY", "CITATION"]

REFERENCES = ("nl", "eu28", "all")
MEASURES = ("participations", "organisations", "funding")
#: A theme counts as a specialisation only with at least this many participations (or organisations) of the
#: ecosystem in it (for funding: participations behind the funding), so one project does not make a profile.
MIN_ACTIVITY = 5
CITATION = ('Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage. '
            "The Manchester School 33(2), 99-123.")


def rca(x: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """Balassa's RCA of every row of ``x`` (ecosystems x themes) against reference totals ``ref`` (themes).

    Rows without activity and themes without reference activity give NaN ("not in the data").

    >>> x = np.array([[10., 30.], [5., 5.]])
    >>> ref = np.array([50., 50.])
    >>> rca(x, ref).round(3).tolist()       # (10/40)/(50/100) = 0.5, (30/40)/(50/100) = 1.5
    [[0.5, 1.5], [1.0, 1.0]]
    >>> rca(np.array([[0., 0.]]), ref).tolist()
    [[nan, nan]]
    """
    x = np.asarray(x, dtype=float)
    ref = np.asarray(ref, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = x / x.sum(axis=1, keepdims=True)
        ref_share = ref / ref.sum()
        out = share / ref_share
    out[~np.isfinite(out)] = np.nan
    return out


def rsca(r: np.ndarray) -> np.ndarray:
    """Symmetric RCA, (RCA - 1) / (RCA + 1), in [-1, 1].

    >>> rsca(np.array([0.5, 1.0, 1.5, 0.0])).round(3).tolist()
    [-0.333, 0.0, 0.2, -1.0]
    """
    r = np.asarray(r, dtype=float)
    return (r - 1.0) / (r + 1.0)


def specialisation(ws: Workspace, ids: list[str] | None = None, *, reference: str = "nl",
                   measure: str = "participations", scope: str = "municipality",
                   years: tuple[int, int] | None = None, lang: str = "en") -> dict[str, Any]:
    """RCA and RSCA of the ecosystems (default: the knowledge cities) over the programme parts.

    Two set-based queries (ecosystem x theme counts, and the reference's theme counts); the
    formula is numpy. ``years`` limits both to projects starting in that range.
    """
    if reference not in REFERENCES:
        raise BadChoice(f"reference must be one of {', '.join(REFERENCES)}, not '{reference}'")
    if measure not in MEASURES:
        raise BadChoice(f"measure must be one of {', '.join(MEASURES)}, not '{measure}'")
    ids = require_ids(ws, ids, scope)
    yf, yt = years or (None, None)
    eco_rows = ws.rows(Q.ecosystem_theme_counts(ids, measure, yf, yt))
    ref_rows = ws.rows(Q.reference_theme_counts(reference, EU28_ISO, measure, yf, yt))
    ref = dict(ref_rows)
    themes = sorted(ref, key=lambda t: -ref[t])
    ti = {t: j for j, t in enumerate(themes)}
    ei = {e: i for i, e in enumerate(ids)}
    x = np.zeros((len(ids), len(themes)))
    n = np.zeros((len(ids), len(themes)))
    for e, t, v, cnt in eco_rows:
        if t in ti:
            x[ei[e], ti[t]] = v
            n[ei[e], ti[t]] = cnt
    refv = np.array([ref[t] for t in themes], dtype=float)
    r = rca(x, refv)
    s = rsca(r)
    min_n = n if measure != "organisations" else x
    specialised = (s > 0) & (min_n >= MIN_ACTIVITY)
    names = names_of(ws, ids)
    clean = lambda a: [[None if not np.isfinite(v) else round(float(v), 4) for v in row] for row in a]  # noqa: E731
    return {
        "ecosystems": [{"id": e, "name": names[e][lang], "name_en": names[e]["en"], "name_nl": names[e]["nl"],
                        "total": float(x[i].sum())} for i, e in enumerate(ids)],
        "themes": [{"code": t, "name": theme_name(t, lang), "reference": float(ref[t])} for t in themes],
        "values": x.tolist(), "participations": n.astype(int).tolist(), "rca": clean(r), "rsca": clean(s),
        "specialised": specialised.tolist(),
        "reference": reference, "measure": measure, "years": list(years) if years else None,
        "min_activity": MIN_ACTIVITY,
        "method": ("RCA = (x_et / x_e.) / (r_t / r_.), RSCA = (RCA - 1) / (RCA + 1) over H2020 programme parts "
                   f"(whole counting); reference: {reference}; measure: {measure}; specialised = RSCA > 0 and at least "
                   f"{MIN_ACTIVITY} participations in the theme."),
        "citation": CITATION,
        "not_in_data": ["H2020 topics", "EuroSciVoc fields", "Horizon Europe topics", "publication topics"],
    }
