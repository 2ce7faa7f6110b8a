"""Entity resolution: CORDIS organisations (PICs) <-> ROR records, and affiliation strings -> ROR.

Set-based throughout: DuckDB normalises every name variant in one query (see
:mod:`innovatlas.registry.normalise`) and blocks on country; rapidfuzz's ``process.cdist``
scores every left variant against every right variant of the block in one vectorised call
(no Python loop over pairs); numpy keeps the best candidates; DuckDB joins the evidence.

Score of a candidate pair (0-100)
    name: the best ``fuzz.ratio`` between the token-sorted normalised names over all name
    variants of both sides (CORDIS name, short name and the names of other CORDIS tables;
    ROR name, aliases, labels, acronyms); +4 when the city agrees (CBS place canon of the
    CORDIS city equals that of the ROR city or municipality), -7 when both cities are known
    and differ; +4 when the CORDIS short name equals a ROR acronym/alias; +6 when the web
    domains agree; capped at 100.
Status
    ``matched`` at or above :data:`~innovatlas.model.registry.MATCH_SCORE` when no other ROR
    record comes within 3 points; ``uncertain`` from
    :data:`~innovatlas.model.registry.UNCERTAIN_SCORE`; review decisions override both
    (``accepted``/``rejected``). Deterministic identifiers win: an accepted decision (an
    asserted PIC-ROR pair) always beats a score, records sharing a PIC are one
    organisation by construction, and so are PICs sharing a VAT number (:func:`match_vat`).
"""

from __future__ import annotations

import json
import re
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from innovatlas.model.registry import GENERIC, UNCERTAIN_SCORE
from innovatlas.store.queries import registry as Q

__all__ = ["resolve_cordis_ror", "match_affiliations", "top_candidates", "METHOD_FUZZY", "METHOD_EXACT"]

METHOD_EXACT = "exact normalised name"
METHOD_FUZZY = "fuzzy name (rapidfuzz ratio on sorted tokens)"
AMBIGUITY_GAP = 3.0
SUBSET_SCORE = 93.0
OUTNAMED_SCORE = 90.0   # ... when another record's name scores this much on its own


def top_candidates(left: list[str], right: list[str], *, k: int = 3, cutoff: int = 70,
                   scorer=fuzz.ratio) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(left index, right index, score) of the ``k`` best right strings for every left string.

    One vectorised ``process.cdist`` call; pairs below ``cutoff`` are dropped.

    >>> li, ri, sc = top_candidates(["DELFT TECHNOLOGY UNIVERSITY", "ACME"], ["ACME", "DELFT TECHNOLOGY UNIVERSITY", "ACMEE"], k=1)
    >>> list(zip(li.tolist(), ri.tolist(), sc.tolist()))
    [(0, 1, 100), (1, 0, 100)]
    """
    if not left or not right:
        e = np.array([], dtype=np.int64)
        return e, e, e
    m = process.cdist(left, right, scorer=scorer, dtype=np.uint8, workers=2, score_cutoff=cutoff)
    k = min(k, m.shape[1])
    idx = np.argpartition(-m.astype(np.int16), k - 1, axis=1)[:, :k] if k < m.shape[1] else np.tile(np.arange(m.shape[1]), (m.shape[0], 1))
    li = np.repeat(np.arange(m.shape[0]), idx.shape[1])
    ri = idx.ravel()
    sc = m[li, ri]
    keep = sc >= cutoff
    order = np.lexsort((-sc[keep].astype(np.int16), li[keep]))
    return li[keep][order], ri[keep][order], sc[keep][order].astype(np.int64)


def resolve_cordis_ror(ws) -> dict[str, int]:
    """Recompute ``org_match`` for PIC <-> ROR (call inside a transaction); decisions are applied."""
    ws.execute(Q.DELETE_PIC_ROR_MATCHES)
    match_vat(ws)
    if not ws.scalar(Q.COUNT_ROR_RECORDS):
        apply_decisions(ws)
        return dict(ws.rows(Q.MATCH_STATUS_COUNTS))
    ws.execute(Q.drop_table("_rl"))
    ws.execute(Q.drop_table("_rr"))
    ws.execute(Q.LEFT_VARIANTS_TEMP)
    ws.execute(Q.RIGHT_VARIANTS_TEMP)
    # a key of one or two letters ('S&T' and 'AT&T' both become 'T') identifies nothing
    ws.execute(Q.DROP_SHORT_LEFT_KEYS)
    ws.execute(Q.DROP_SHORT_RIGHT_KEYS)
    pairs_l, pairs_r, pairs_s, pairs_sub = [], [], [], []
    places = {r[0] for r in ws.rows(Q.PLACE_TOKENS)}
    for (country,) in ws.rows(Q.BLOCK_COUNTRIES):   # one block per country
        lk = [r[0] for r in ws.rows(Q.LEFT_KEYS(country))]
        rk = [r[0] for r in ws.rows(Q.RIGHT_KEYS(country))]
        li, ri, sc = top_candidates(lk, rk, k=5, cutoff=int(UNCERTAIN_SCORE) - 10)
        pairs_l += [lk[i] for i in li.tolist()]
        pairs_r += [rk[i] for i in ri.tolist()]
        pairs_s += sc.tolist()
        pairs_sub += [False] * len(li)
    # Word subset ('SAXION' in 'SAXION HOGESCHOOL'), set-based: pairs of keys sharing a distinctive word (not
    # generic, not a place name) where one key holds all words of the other. Counts only when the cities agree.
    ws.execute(Q.COMMON_TOKENS_TEMP(sorted(places | GENERIC)))
    sub = ws.rows(Q.WORD_SUBSETS)
    ws.execute(Q.DROP_COMMON_TOKENS)
    pairs_l += [a for a, _b in sub]
    pairs_r += [b for _a, b in sub]
    pairs_s += [SUBSET_SCORE] * len(sub)
    pairs_sub += [True] * len(sub)
    ws.execute(Q.drop_table("_rp"))
    ws.execute(Q.PAIRS_TEMP)
    if pairs_l:
        ws.execute(Q.INSERT_PAIRS(pairs_l, pairs_r, pairs_s, pairs_sub))
    ws.execute(Q.score_candidates(METHOD_EXACT, METHOD_FUZZY, SUBSET_SCORE, OUTNAMED_SCORE, AMBIGUITY_GAP))
    apply_decisions(ws)
    for t in ("_rl", "_rr", "_rp"):
        ws.execute(Q.drop_table(t))
    return dict(ws.rows(Q.MATCH_STATUS_COUNTS))


def match_vat(ws) -> None:
    """PICs sharing a normalised VAT number are one organisation: one ``org_match`` row per PIC (scheme 'vat',
    score 100, method 'deterministic: same VAT number', the group's PICs as evidence)."""
    ws.execute(Q.DELETE_VAT_MATCHES)
    if ws.scalar(Q.COUNT_VAT_NUMBERS):
        ws.execute(Q.MATCH_VAT)


def apply_decisions(ws) -> None:
    """Review decisions (the latest per pair) override the matcher; an accepted pair the matcher did not propose is added."""
    ws.execute(Q.DECISIONS_TEMP)
    ws.execute(Q.APPLY_DECISIONS)
    ws.execute(Q.ADD_ACCEPTED_PAIRS)
    # A PIC with an accepted ROR is settled: its other automatic candidates step back to 'uncertain'.
    ws.execute(Q.STEP_BACK_OTHER_CANDIDATES)
    ws.execute(Q.drop_table("_dec"))


# -- affiliation strings (ROR's gold sets) ------------------------------------------------------
_SPLIT = re.compile(r"\s*(?:[,;()\[\]|]|\s{2,}|\s-\s|\n)\s*")
_AND = re.compile(r"\s+(?:and|&|en)\s+", re.IGNORECASE)
_SPLIT_WORDS = re.compile(r"[^A-Z0-9]+")
COUNTRY_WORDS = {"NL": ("NETHERLANDS", "NEDERLAND", "HOLLAND"), "AU": ("AUSTRALIA",)}


def _segments(text: str) -> list[str]:
    """Parts of an affiliation string a name may fill: comma/semicolon parts, neighbouring pairs, parts split at 'and'.

    >>> _segments("Dept. X, University Medical Center Groningen and University of Groningen")
    ['Dept. X', 'University Medical Center Groningen and University of Groningen', 'Dept. X University Medical Center Groningen and University of Groningen', 'University Medical Center Groningen', 'University of Groningen']
    """
    parts = [p for p in _SPLIT.split(text or "") if p and p.strip()]
    pairs = [f"{a} {b}" for a, b in zip(parts, parts[1:])]
    halves = [h for p in parts for h in _AND.split(p) if h.strip() and h != p]
    return list(dict.fromkeys(parts + pairs + halves))


def _name_keys(ws) -> list[tuple]:
    """(ror_id, country, sorted key, unsorted key, city tokens) of every registry name, also without the city words."""
    return ws.rows(Q.NAME_KEYS)


def match_affiliations(ws, strings: Iterable[str], *, cutoff: float = 90.0) -> list[set[str]]:
    """ROR ids named in each affiliation string.

    Names are the registry's: ROR names and aliases, the same without the city words, and the
    names of CORDIS records matched to ROR. A segment (see :func:`_segments`) names an
    organisation when its sorted normalised tokens score at least ``cutoff`` against a name
    (one ``process.cdist`` call for all segments and names), or when a name of two or more
    words stands in it word for word (one DuckDB join). Within one segment, a name whose
    words all belong to another matched name is that other's part and is dropped. A
    country named in the string restricts the organisations to that country.
    """
    strings = list(strings)
    seg_owner, segs = [], []
    for i, s in enumerate(strings):
        for seg in _segments(s):
            seg_owner.append(i)
            segs.append(seg)
    if not segs:
        return [set() for _ in strings]
    ws.execute(Q.SEGMENTS_TEMP(segs, len(segs)))
    seg_rows = ws.rows(Q.SEGMENT_KEYS)
    seg_sorted = [r[1] for r in seg_rows]
    names = _name_keys(ws)
    keys = sorted({n[2] for n in names})
    by_key: dict[str, list[tuple[str, str]]] = {}
    city_toks: dict[str, set[str]] = {}
    for r, c, k, _u, ct in names:
        by_key.setdefault(k, []).append((r, c))
        city_toks[r] = set(ct or [])
    norms_of: dict[tuple[str, str], set[str]] = {}   # (sorted key, ror) -> the unsorted names behind it
    for r, _c, k, u, _ct in names:
        norms_of.setdefault((k, r), set()).add(u)
    hits: dict[int, dict[str, set[str]]] = {}   # segment -> ror -> the matched names (normalised, unsorted)
    owner_toks = [set(_SPLIT_WORDS.split(s.upper())) for s in strings]
    li, ri, _sc = top_candidates(seg_sorted, keys, k=1, cutoff=int(cutoff))
    for a, b in zip(li.tolist(), ri.tolist()):
        for ror, _c in by_key[keys[b]]:
            hits.setdefault(a, {}).setdefault(ror, set()).update(norms_of.get((keys[b], ror), {keys[b]}))
    ws.execute(Q.SEGMENT_NORMS_TEMP([r[0] for r in seg_rows], [r[2] for r in seg_rows]))
    ws.execute(Q.NAME_NORMS_TEMP([n[0] for n in names], [n[3] for n in names]))
    seg_norm = {r[0]: f" {r[2]} " for r in seg_rows}
    for seg_id, ror, norm in ws.rows(Q.NAMES_IN_SEGMENTS):
        # a name standing after 'Location' names a site of the organisation before it ('Amsterdam UMC
        # Location Vrije Universiteit'), not an affiliation of its own
        at, loc = seg_norm[seg_id].find(f" {norm} "), seg_norm[seg_id].find(" LOCATION ")
        if 0 < loc < at:
            continue
        hits.setdefault(seg_id, {}).setdefault(ror, set()).add(norm)
    for t in ("_aff", "_affn", "_nm"):
        ws.execute(Q.drop_table(t))
    country_of = {n[0]: n[1] for n in names}
    upper = [s.upper() for s in strings]
    wanted = [{c for c, words in COUNTRY_WORDS.items() if any(w in u for w in words)} for u in upper]
    out: list[set[str]] = [set() for _ in strings]
    parts: list[set[tuple[str, str]]] = [set() for _ in strings]   # (part, whole) found in one segment
    for seg_id, found in hits.items():
        owner = seg_owner[seg_id]
        whole = {r: {o for o in found if o != r and _part_of(found[r], found[o])} for r in found}
        keep = {r for r in found if not whole[r]}
        # a sub-unit named '<parent's name> <unit>' ('Erasmus MC Cancer Institute'): the parent is its context
        parts[owner] |= {(r, o) for r, os in whole.items() for o in os if _prefix_of(found[r], found[o])}
        # one name, several records ('Sint Maartenskliniek' in Nijmegen and in Woerden): the one whose city the string names
        for r in list(keep):
            twins = {o for o in keep if found[o] == found[r]}
            named = {o for o in twins if city_toks.get(o, set()) & owner_toks[owner]}
            if len(twins) > 1 and named:
                keep -= twins - named
        out[owner] |= {r for r in keep if not wanted[owner] or country_of.get(r) in wanted[owner]}
    # a parent whose name begins a sub-unit's name in one segment stays the sub-unit's context in the whole string:
    # 'Erasmus MC Cancer Institute, Erasmus University Medical Center' is the institute (the most specific unit named)
    for i, ps in enumerate(parts):
        out[i] -= {r for r, o in ps if o in out[i]}
    return out


def _part_of(mine: set[str], other: set[str]) -> bool:
    """One matched name is part of another: its words stand in the other's name in the same order."""
    return any(a != b and f" {a} " in f" {b} " for a in mine for b in other)


def _prefix_of(mine: set[str], other: set[str]) -> bool:
    """One matched name begins another ('ERASMUS MEDICAL CENTER' in 'ERASMUS MEDICAL CENTER CANCER INSTITUTE')."""
    return any(a != b and f"{b} ".startswith(f"{a} ") for a in mine for b in other)


def evidence(row_evidence: str | dict) -> dict:
    return row_evidence if isinstance(row_evidence, dict) else json.loads(row_evidence or "{}")
