"""Complementarity and joint specialisation of a set of ecosystems (default: the knowledge cities).

From the RSCA profiles of :mod:`innovatlas.connect.specialisation`:

* **similarity** of two profiles: the cosine of their RSCA vectors,
  ``cos(a, b) = sum_t a_t b_t / (sqrt(sum_t a_t^2) sqrt(sum_t b_t^2))``, in [-1, 1]
  (1: the same relative strengths and weaknesses; -1: mirror images). Themes where either
  RSCA is not in the data are left out of that pair's sum.
* **joint specialisation**: themes where two or more ecosystems are specialised (RSCA > 0
  with enough activity): candidates for open-innovation collaboration;
* **complementarity**: themes where one of a pair is specialised and the other is not; the
  pair's complementarity index is the share of the themes where at least one of the two is
  specialised in which exactly one is (0: the same specialisations; 1: no overlap).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from innovatlas.connect.specialisation import specialisation
from innovatlas.store import Workspace

__all__ = ["cosine", "cosine_matrix", "complementarity_index", "complementarity", "describe_pairs"]


def cosine(a, b) -> float | None:
    """Cosine similarity of two profiles, over the entries both have (NaN = not in the data).

    >>> cosine([1, 0], [0, 1])
    0.0
    >>> round(cosine([0.5, -0.2, 0.1], [0.4, -0.1, float('nan')]), 4)   # 0.22 / (sqrt(0.29) * sqrt(0.17)) = 0.22 / 0.2220
    0.9908
    >>> cosine([0, 0], [1, 1]) is None
    True
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    ok = np.isfinite(a) & np.isfinite(b)
    a, b = a[ok], b[ok]
    na, nb = np.sqrt((a * a).sum()), np.sqrt((b * b).sum())
    if na == 0 or nb == 0:
        return None
    return float((a * b).sum() / (na * nb))


def cosine_matrix(m: np.ndarray) -> np.ndarray:
    """Pairwise cosine of the rows of ``m`` (NaN entries left out pairwise; NaN where undefined).

    >>> cosine_matrix(np.array([[1., 0.], [1., 1.], [0., 0.]])).round(4).tolist()
    [[1.0, 0.7071, nan], [0.7071, 1.0, nan], [nan, nan, nan]]
    """
    m = np.asarray(m, dtype=float)
    ok = np.isfinite(m).astype(float)
    z = np.where(np.isfinite(m), m, 0.0)
    dot = z @ z.T
    sq = z * z
    na = np.sqrt(sq @ ok.T)      # norm of row i over the entries row j also has
    nb = np.sqrt(ok @ sq.T)      # norm of row j over the entries row i also has
    with np.errstate(divide="ignore", invalid="ignore"):
        out = dot / (na * nb)
    out[~np.isfinite(out)] = np.nan
    return out


def complementarity_index(spec_a, spec_b) -> float | None:
    """Share of the themes where at least one is specialised in which exactly one is.

    >>> complementarity_index([True, True, False, False], [True, False, True, False])   # 2 of 3
    0.6667
    >>> complementarity_index([False], [False]) is None
    True
    """
    a, b = np.asarray(spec_a, dtype=bool), np.asarray(spec_b, dtype=bool)
    either = (a | b).sum()
    return None if either == 0 else round(float((a ^ b).sum() / either), 4)


def complementarity(ws: Workspace, ids: list[str] | None = None, *, lang: str = "en", **kw) -> dict[str, Any]:
    """Similarity matrix, joint specialisations per theme and complementary themes per pair."""
    spec = kw.pop("spec", None) or specialisation(ws, ids, lang=lang, **kw)
    r = np.array([[np.nan if v is None else v for v in row] for row in spec["rsca"]], dtype=float).reshape(
        len(spec["ecosystems"]), len(spec["themes"]))
    sp = np.array(spec["specialised"], dtype=bool).reshape(r.shape)
    cos = cosine_matrix(r)
    ecos, themes = spec["ecosystems"], spec["themes"]
    joint = []
    for j, t in enumerate(themes):
        who = [ecos[i]["id"] for i in np.flatnonzero(sp[:, j])]
        if len(who) >= 2:
            joint.append({"theme": t["code"], "theme_name": t["name"], "ecosystems": who,
                          "names": [ecos[i]["name"] for i in np.flatnonzero(sp[:, j])]})
    joint.sort(key=lambda d: (-len(d["ecosystems"]), d["theme"]))
    pairs = []
    for i in range(len(ecos)):
        for k in range(i + 1, len(ecos)):
            pairs.append({
                "a": ecos[i]["id"], "b": ecos[k]["id"], "a_name": ecos[i]["name"], "b_name": ecos[k]["name"],
                "cosine": None if not np.isfinite(cos[i, k]) else round(float(cos[i, k]), 4),
                "joint": [themes[j]["code"] for j in np.flatnonzero(sp[i] & sp[k])],
                "only_a": [themes[j]["code"] for j in np.flatnonzero(sp[i] & ~sp[k])],
                "only_b": [themes[j]["code"] for j in np.flatnonzero(sp[k] & ~sp[i])],
                "complementarity": complementarity_index(sp[i], sp[k])})
    return {"specialisation": spec, "ecosystems": ecos, "themes": themes,
            "cosine": [[None if not np.isfinite(v) else round(float(v), 4) for v in row] for row in cos],
            "complementarity": [[complementarity_index(sp[i], sp[k]) if i != k else None for k in range(len(ecos))]
                                for i in range(len(ecos))],
            "joint": joint, "pairs": pairs,
            "method": ("cosine of RSCA vectors: sum a_t b_t / (|a| |b|); joint specialisation: themes where two or more "
                       "are specialised; complementarity index: themes where exactly one of a pair is specialised, as a "
                       "share of the themes where at least one is.")}


def describe_pairs(result: dict[str, Any], lang: str = "en", top: int = 5) -> list[str]:
    """The matrix in words: the most similar and the most complementary pairs, and the widest joint themes."""
    from innovatlas.connect.i18n import ct

    names = {t["code"]: t["name"] for t in result["themes"]}
    pairs = [p for p in result["pairs"] if p["cosine"] is not None]
    out = []
    for p in sorted(pairs, key=lambda p: -p["cosine"])[:top]:
        out.append(ct("similar_pair", lang, a=p["a_name"], b=p["b_name"], cos=_n(p["cosine"], lang),
                      themes=", ".join(names[c] for c in p["joint"]) or "–"))
    comp = [p for p in result["pairs"] if p["complementarity"] is not None and p["only_a"] and p["only_b"]]
    for p in sorted(comp, key=lambda p: (-p["complementarity"], p["cosine"] or 0))[:top]:
        out.append(ct("complementary_pair", lang, a=p["a_name"], b=p["b_name"],
                      ta=", ".join(names[c] for c in p["only_a"]), tb=", ".join(names[c] for c in p["only_b"])))
    for j in result["joint"][:top]:
        out.append(ct("joint_theme", lang, theme=j["theme_name"], n=len(j["ecosystems"]), names=", ".join(j["names"])))
    return out


def _n(v: float, lang: str) -> str:
    s = f"{v:.2f}"
    return s.replace(".", ",") if lang == "nl" else s
