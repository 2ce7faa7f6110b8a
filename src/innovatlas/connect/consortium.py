"""Consortium builder: candidate partners for an ecosystem's white spot, ranked by fit, with evidence.

A white spot is a theme (H2020 programme part, e.g. ``SC3``), an actor type (CORDIS activity
type, e.g. ``PRC``), or a challenge of the diagnosis (mapped to a partner profile by
:data:`CHALLENGE_PROFILES`). Keywords need project titles and objectives, which the imported
CORDIS files do not carry ("not in the data").

Candidates are organisations outside the ecosystem (Dutch by default, EU-28 with
``where="eu"``) with at least one project in the theme (any project without a theme), of the
actor type when one is asked for. The :data:`POOL` with the most theme projects are scored::

    fit = W_EXPERIENCE * experience + W_TYPE * type_fit + W_TIES * ties + W_COMPLEMENT * complement

* ``experience`` = mean of log(1 + theme projects) and log(1 + theme EC funding), each over
  the pool's maximum;
* ``type_fit`` = 1 when the candidate's activity type is the one asked for, or (none asked)
  one the ecosystem lacks (activity-type RSCA < 0 against all Dutch participations), else 0;
* ``ties`` = mean of log(1 + members already worked with) and log(1 + common partners) over
  the pool's maxima (common partners: organisations that worked both with the candidate and
  with a member);
* ``complement`` = 1 - max(0, cosine of the candidate's and the ecosystem's programme-part
  participation profiles): a partner whose projects lie in other themes brings more.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from innovatlas.analysis import _require
from innovatlas.errors import InnovatlasError
from innovatlas.connect._common import EU28_ISO, BadChoice, theme_name
from innovatlas.connect.specialisation import rca, rsca
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["candidates", "fit_scores", "proposal_shortlist", "POOL", "W_EXPERIENCE", "W_TYPE", "W_TIES", "W_COMPLEMENT", "CHALLENGE_PROFILES",
           "ACTIVITY_TYPES"]

ACTIVITY_TYPES = ("HES", "REC", "PRC", "PUB", "OTH")
#: Candidates scored (those with the most projects in the theme); the rest are listed as not scored.
POOL = 200
W_EXPERIENCE, W_TYPE, W_TIES, W_COMPLEMENT = 0.40, 0.20, 0.25, 0.15
#: Diagnosis challenge -> partner profile of the white spot (seed 001's ten challenges).
CHALLENGE_PROFILES: dict[int, dict[str, Any]] = {
    2: {"actor_type": "REC"},                 # research and test facilities
    4: {"actor_type": "PUB"},                 # involving users and creating markets
    5: {"actor_type": "PRC"},                 # skills and absorptive capacity in SMEs (SME flags: not in the data)
    6: {"actor_type": "HES"},                 # top talent
    7: {"actor_type": "PRC"},                 # knowledge transfer and valorisation
    9: {"where": "eu"},                       # connections between ecosystems
}


def _lognorm(v: np.ndarray) -> np.ndarray:
    v = np.log1p(np.maximum(np.asarray(v, dtype=float), 0))
    top = v.max() if v.size else 0
    return v / top if top > 0 else np.zeros_like(v)


def fit_scores(projects, ec, type_ok, direct, common, cos) -> np.ndarray:
    """The fit of each candidate from its evidence (vectors of equal length); see the module docstring.

    >>> s = fit_scores([4, 1], [100., 0.], [1, 0], [2, 0], [3, 3], [0.2, 0.9])
    >>> [round(float(x), 4) for x in s]   # a: .4*1 + .2*1 + .25*1 + .15*.8;  b: .4*(.5*log2/log5) + .25*.5 + .15*.1
    [0.97, 0.2261]
    """
    exp = 0.5 * _lognorm(projects) + 0.5 * _lognorm(ec)
    ties = 0.5 * _lognorm(direct) + 0.5 * _lognorm(common)
    comp = 1.0 - np.clip(np.nan_to_num(np.asarray(cos, dtype=float), nan=0.0), 0.0, 1.0)
    return W_EXPERIENCE * exp + W_TYPE * np.asarray(type_ok, dtype=float) + W_TIES * ties + W_COMPLEMENT * comp


def _lacking_types(ws: Workspace, eco_id: str) -> dict[str, float | None]:
    rows = dict(ws.rows(Q.ECOSYSTEM_ACTIVITY_TYPES, [eco_id]))
    ref = dict(ws.rows(Q.NL_ACTIVITY_TYPES))
    x = np.array([[rows.get(t, 0) for t in ACTIVITY_TYPES]], dtype=float)
    r = rsca(rca(x, np.array([ref.get(t, 0) for t in ACTIVITY_TYPES], dtype=float)))[0]
    return {t: (None if not math.isfinite(v) else round(float(v), 4)) for t, v in zip(ACTIVITY_TYPES, r)}


def candidates(ws: Workspace, eco_id: str, *, theme: str | None = None, actor_type: str | None = None,
               challenge: int | None = None, keyword: str | None = None, where: str = "nl", sme: bool | None = None,
               limit: int = 20, lang: str = "en") -> dict[str, Any]:
    """Ranked candidate partners for a white spot of ``eco_id``, each with its evidence."""
    eco = _require(ws, eco_id)
    if keyword:
        raise BadChoice("keyword white spots need project titles and objectives, which the imported CORDIS files do not "
                        "carry (not in the data): use --theme (an H2020 programme part such as SC3) or --type")
    if challenge is not None:
        if challenge not in CHALLENGE_PROFILES:
            raise BadChoice(f"challenge {challenge} has no partner profile; profiles exist for challenges "
                            f"{', '.join(map(str, CHALLENGE_PROFILES))}: give --theme or --type instead")
        prof = CHALLENGE_PROFILES[challenge]
        actor_type = actor_type or prof.get("actor_type")
        where = prof.get("where", where)
        sme = prof.get("sme", sme)
    if sme and not ws.scalar(Q.SME_KNOWN):
        raise BadChoice("SME status is not in the imported data (the CORDIS files carry no SME flag): leave out --sme")
    if actor_type:
        actor_type = actor_type.upper()
        if actor_type not in ACTIVITY_TYPES:
            raise BadChoice(f"actor type must be one of {', '.join(ACTIVITY_TYPES)}, not '{actor_type}'")
    if where not in ("nl", "eu"):
        raise BadChoice(f"where must be 'nl' (Dutch partners) or 'eu' (EU-28), not '{where}'")
    themes = [r[0] for r in ws.rows(Q.THEMES)]
    if theme is not None and theme not in themes:
        match = [t for t in themes if t.lower() == theme.lower()]
        if not match:
            raise BadChoice(f"theme '{theme}' is not a programme part in the data; choose one of {', '.join(themes)}")
        theme = match[0]
    if theme is None and actor_type is None and challenge is None:
        raise BadChoice("name the white spot: a theme (--theme SC3), an actor type (--type PRC) or a challenge (--challenge 7)")
    lacking = _lacking_types(ws, eco_id)
    wanted = [actor_type] if actor_type else [t for t, v in lacking.items() if v is not None and v < 0]
    countries = ["NL"] if where == "nl" else EU28_ISO
    pool = ws.dicts(Q.candidate_pool(theme, countries, eco_id, actor_type, sme, POOL))
    total = len(pool)
    if not pool:
        return {"ecosystem": eco_id, "ecosystem_name": eco["name_en"] if lang == "en" else eco["name_nl"],
                "theme": theme, "actor_type": actor_type, "where": where, "items": [], "pool": 0,
                "lacking_types": lacking, "weights": _weights()}
    pics = [r["pic"] for r in pool]
    idx_a, idx_b = _pair_index(ws)
    members = np.array([r[0] for r in ws.rows(Q.ECOSYSTEM_MEMBERS, [eco_id])],
                       dtype=np.int64)
    # partners of the members (outside the ecosystem), from the pair index
    mpart = np.setdiff1d(idx_b[_ranges(idx_a, members)], members)
    cand = np.array(pics, dtype=np.int64)
    direct = _count_in(idx_a, idx_b, cand, members).astype(float)
    common = _count_in(idx_a, idx_b, cand, mpart).astype(float)
    codes, prof = _profiles(ws, themes)
    rowpos = np.searchsorted(codes, cand)
    m = prof[rowpos]
    v = np.zeros(len(themes))
    for t, n in ws.rows(Q.ECOSYSTEM_THEME_PROFILE, [eco_id]):
        v[themes.index(t)] = n
    with np.errstate(divide="ignore", invalid="ignore"):  # cosine of every candidate's profile with the ecosystem's
        cos = (m * v).sum(axis=1) / (np.sqrt((m * m).sum(axis=1)) * np.sqrt((v * v).sum()))
    cos[~np.isfinite(cos)] = np.nan
    type_ok = np.array([1.0 if r["activity_type"] in wanted else 0.0 for r in pool])
    scores = fit_scores([r["theme_projects"] for r in pool], [r["theme_ec"] for r in pool], type_ok, direct, common, cos)
    order = np.lexsort((np.array(pics), -scores))[: int(limit)]
    shown = [pics[i] for i in order]
    ties = {r[0]: r[1:] for r in ws.rows(Q.CANDIDATE_TIES, [shown, eco_id])}
    items = []
    for rank, i in enumerate(order, 1):
        r = pool[i]
        n_proj, tied = ties.get(r["pic"], (0, []))
        items.append({"rank": rank, "pic": r["pic"], "label": r["label"], "activity_type": r["activity_type"],
                      "actor_type": r["actor_type"], "sme": r["sme"], "country": r["country"],
                      "municipality": r["municipality"], "fit": round(float(scores[i]), 4),
                      "evidence": {"theme_projects": int(r["theme_projects"]), "theme_ec_eur": round(float(r["theme_ec"]), 2),
                                   "type_fit": bool(type_ok[i]), "members_worked_with": int(direct[i]),
                                   "projects_with_members": int(n_proj), "common_partners": int(common[i]),
                                   "examples_members": list(tied or [])[:3],
                                   "profile_cosine": None if not math.isfinite(cos[i]) else round(float(cos[i]), 4)}})
    return {"ecosystem": eco_id, "ecosystem_name": eco["name_en"] if lang == "en" else eco["name_nl"],
            "theme": theme, "theme_name": theme_name(theme, lang) if theme else None, "actor_type": actor_type,
            "wanted_types": wanted, "where": where, "sme": sme, "challenge": challenge, "pool": total,
            "pool_capped": total >= POOL, "lacking_types": lacking, "weights": _weights(), "items": items}


_PAIRS: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}


def _pair_index(ws: Workspace) -> tuple[np.ndarray, np.ndarray]:
    """Every distinct (organisation, partner) pair of the workspace, sorted by organisation (built once per state)."""
    key = (ws.path, ws.stamp())
    if key not in _PAIRS:
        cols = ws.execute(Q.ORGANISATION_PAIRS).fetchnumpy()
        a, b = np.asarray(cols["a"], dtype=np.int64), np.asarray(cols["b"], dtype=np.int64)
        order = np.argsort(a, kind="stable")
        _PAIRS.clear()
        _PAIRS[key] = (a[order], b[order])
    return _PAIRS[key]


def _ranges(a: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Positions in sorted ``a`` of every entry equal to one of ``keys`` (concatenated, in the order of ``keys``)."""
    lo, hi = np.searchsorted(a, keys, "left"), np.searchsorted(a, keys, "right")
    lengths = hi - lo
    starts = np.cumsum(lengths) - lengths
    return np.arange(lengths.sum()) - np.repeat(starts, lengths) + np.repeat(lo, lengths)


def _count_in(a: np.ndarray, b: np.ndarray, cands: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Per candidate: how many of its partners are in ``targets``, vectorised over all candidates."""
    lengths = np.searchsorted(a, cands, "right") - np.searchsorted(a, cands, "left")
    hit = np.isin(b[_ranges(a, cands)], targets)
    return np.bincount(np.repeat(np.arange(len(cands)), lengths), weights=hit, minlength=len(cands)).astype(np.int64)


_PROFILES: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}


def _profiles(ws: Workspace, themes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted PICs and their participations per programme part (rows in the order of ``themes``), cached per state."""
    key = (ws.path, ws.stamp(), tuple(themes))
    if key not in _PROFILES:
        cols = ws.execute(Q.THEME_PROFILES).fetchnumpy()
        pics = np.asarray(cols["pic"], dtype=np.int64)
        codes = np.unique(np.concatenate([pics, np.asarray([r[0] for r in ws.rows(Q.ORGANISATION_PICS)],
                                                           dtype=np.int64)]))
        ti = {t: j for j, t in enumerate(themes)}
        col = np.array([ti[str(t)] for t in cols["t"]], dtype=np.int64)
        prof = np.zeros((len(codes), len(themes)))
        np.add.at(prof, (np.searchsorted(codes, pics), col), np.asarray(cols["n"], dtype=float))
        _PROFILES.clear()
        _PROFILES[key] = (codes, prof)
    return _PROFILES[key]


def _weights() -> dict[str, float]:
    return {"experience": W_EXPERIENCE, "type": W_TYPE, "ties": W_TIES, "complement": W_COMPLEMENT}


def proposal_shortlist(ws: Workspace, eco_id: str, white_spots: list[int], *, per: int = 5) -> list[dict[str, Any]]:
    """For a proposal (issue 6): the top candidates for each white-spot challenge that has a partner profile."""
    out = []
    for n in white_spots:
        if n not in CHALLENGE_PROFILES:
            continue
        try:
            res = candidates(ws, eco_id, challenge=n, limit=per)
        except InnovatlasError:
            continue  # no candidates can be named for this challenge: the proposal goes on without
        out.append({"challenge": n, "actor_type": res["actor_type"], "where": res["where"],
                    "items": [{k: r[k] for k in ("rank", "pic", "label", "activity_type", "municipality", "country", "fit")}
                              | {"theme_projects": r["evidence"]["theme_projects"],
                                 "members_worked_with": r["evidence"]["members_worked_with"]} for r in res["items"]]})
    return out
