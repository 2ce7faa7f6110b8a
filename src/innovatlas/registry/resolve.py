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
    asserted PIC-ROR pair) always beats a score, and records sharing a PIC are one
    organisation by construction.
"""

from __future__ import annotations

import json
import re
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from innovatlas.model.registry import CITY_DIFFERS_PENALTY, GENERIC, MATCH_SCORE, UNCERTAIN_SCORE
from innovatlas.registry.normalise import acronym_sql, norm_name_sql, sorted_name_sql, tokens_sql

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


def _place(expr: str) -> str:
    from innovatlas.organisations import _canon

    return _canon(expr)


def resolve_cordis_ror(ws) -> dict[str, int]:
    """Recompute ``org_match`` for PIC <-> ROR (call inside a transaction); decisions are applied."""
    ws.execute("DELETE FROM org_match WHERE left_scheme = 'pic' AND right_scheme = 'ror'")
    if not ws.scalar("SELECT count(*) FROM ror_record"):
        return {"candidates": 0}
    ws.execute("DROP TABLE IF EXISTS _rl")
    ws.execute("DROP TABLE IF EXISTS _rr")
    ws.execute(f"""
        CREATE TEMP TABLE _rl AS
        WITH v AS (
            SELECT o.pic, o.country, r.name AS variant, 'name' AS kind FROM organisation_record r JOIN organisation o USING (pic)
            WHERE r.name IS NOT NULL AND o.country IN (SELECT DISTINCT country_code FROM ror_record)
            UNION SELECT o.pic, o.country, r.short_name, 'short name' FROM organisation_record r JOIN organisation o USING (pic)
            WHERE r.short_name IS NOT NULL AND length(trim(r.short_name)) >= 2
              AND o.country IN (SELECT DISTINCT country_code FROM ror_record)
        )
        , k AS (
            SELECT CAST(v.pic AS VARCHAR) AS left_id, v.country, v.variant, v.kind, list_sort({tokens_sql('v.variant')}) AS toks,
                   {tokens_sql('o.city')} AS city_toks
            FROM v JOIN organisation o USING (pic) WHERE v.country IN (SELECT DISTINCT country_code FROM ror_record)
        )
        SELECT left_id, country, variant, kind, false AS stripped, array_to_string(toks, ' ') AS key FROM k
        UNION ALL  -- the name without its city ('ERASMUS ... ROTTERDAM'); counts only when the cities agree
        SELECT left_id, country, variant, kind, true, array_to_string(list_filter(toks, lambda t: NOT list_contains(city_toks, t)), ' ')
        FROM k WHERE len(city_toks) > 0 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) >= 2
                 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) < len(toks)""")
    ws.execute(f"""
        CREATE TEMP TABLE _rr AS
        WITH k AS (
            SELECT DISTINCT n.ror_id, r.country_code AS country, n.name AS variant, n.kind, list_sort({tokens_sql('n.name')}) AS toks,
                   list_concat({tokens_sql('r.city')}, {tokens_sql('r.municipality')}) AS city_toks
            FROM ror_name n JOIN ror_record r USING (ror_id)
        )
        SELECT ror_id, country, variant, kind, false AS stripped, array_to_string(toks, ' ') AS key FROM k
        UNION ALL
        SELECT ror_id, country, variant, kind, true, array_to_string(list_filter(toks, lambda t: NOT list_contains(city_toks, t)), ' ')
        FROM k WHERE len(city_toks) > 0 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) >= 2
                 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) < len(toks)""")
    # a key of one or two letters ('S&T' and 'AT&T' both become 'T') identifies nothing
    ws.execute("DELETE FROM _rl WHERE length(replace(key, ' ', '')) < 3")
    ws.execute("DELETE FROM _rr WHERE length(replace(key, ' ', '')) < 3")
    pairs_l, pairs_r, pairs_s, pairs_sub = [], [], [], []
    places = {r[0] for r in ws.rows(f"""SELECT DISTINCT unnest({tokens_sql('n')}) FROM (
        SELECT name AS n FROM geo_region UNION SELECT city FROM ror_record UNION SELECT municipality FROM ror_record)""")}
    for (country,) in ws.rows("SELECT DISTINCT country FROM _rl ORDER BY 1"):   # one block per country
        lk = [r[0] for r in ws.rows("SELECT DISTINCT key FROM _rl WHERE country = ? ORDER BY 1", [country])]
        rk = [r[0] for r in ws.rows("SELECT DISTINCT key FROM _rr WHERE country = ? ORDER BY 1", [country])]
        li, ri, sc = top_candidates(lk, rk, k=5, cutoff=int(UNCERTAIN_SCORE) - 10)
        pairs_l += [lk[i] for i in li.tolist()]
        pairs_r += [rk[i] for i in ri.tolist()]
        pairs_s += sc.tolist()
        pairs_sub += [False] * len(li)
    # Word subset ('SAXION' in 'SAXION HOGESCHOOL'), set-based: pairs of keys sharing a distinctive word (not
    # generic, not a place name) where one key holds all words of the other. Counts only when the cities agree.
    ws.execute("CREATE OR REPLACE TEMP TABLE _common AS SELECT unnest(?::VARCHAR[]) AS tok",
               [sorted(places | GENERIC)])
    sub = ws.rows("""
        WITH l AS (SELECT DISTINCT key, country, string_split(key, ' ') AS toks FROM _rl),
             r AS (SELECT DISTINCT key, country, string_split(key, ' ') AS toks FROM _rr),
             lt AS (SELECT key, country, toks, unnest(toks) AS tok FROM l),
             rt AS (SELECT key, country, toks, unnest(toks) AS tok FROM r)
        SELECT DISTINCT lt.key, rt.key FROM lt JOIN rt ON lt.tok = rt.tok AND lt.country = rt.country
        WHERE lt.tok NOT IN (SELECT tok FROM _common) AND lt.key <> rt.key
          AND (list_has_all(lt.toks, rt.toks) OR list_has_all(rt.toks, lt.toks))""")
    ws.execute("DROP TABLE _common")
    pairs_l += [a for a, _b in sub]
    pairs_r += [b for _a, b in sub]
    pairs_s += [SUBSET_SCORE] * len(sub)
    pairs_sub += [True] * len(sub)
    ws.execute("DROP TABLE IF EXISTS _rp")
    ws.execute("CREATE TEMP TABLE _rp (lkey VARCHAR, rkey VARCHAR, name_score DOUBLE, subset BOOLEAN)")
    if pairs_l:
        ws.execute("INSERT INTO _rp SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), unnest(?::BOOLEAN[])",
                   [pairs_l, pairs_r, pairs_s, pairs_sub])
    ws.execute(f"""
        INSERT INTO org_match
        WITH cand AS (
            SELECT l.left_id, r.ror_id, max(p.name_score) FILTER (WHERE NOT l.stripped AND NOT r.stripped AND NOT p.subset) AS full_score,
                   max(p.name_score) FILTER (WHERE NOT p.subset) AS any_score, bool_or(p.subset) AS subset,
                   arg_max(l.variant, p.name_score * 10 + (l.kind = 'name')::INT) AS left_name,
                   arg_max(r.variant, p.name_score * 10 + (r.kind = 'ror_display')::INT) AS right_name,
                   bool_or(l.kind = 'short name' AND {acronym_sql('l.variant')} = {acronym_sql('r.variant')}
                           AND r.kind IN ('acronym', 'alias')) AS acronym_agrees
            FROM _rp p JOIN _rl l ON l.key = p.lkey JOIN _rr r ON r.key = p.rkey AND r.country = l.country
            GROUP BY l.left_id, r.ror_id
        ), ev AS (
            SELECT c.*, o.city AS left_city, rr.city AS right_city, rr.municipality AS right_municipality,
                   loc.municipality AS left_municipality,
                   nullif({_place('o.city')}, '') AS lc, nullif({_place('rr.city')}, '') AS rc,
                   nullif({_place('rr.municipality')}, '') AS rm, nullif({_place('loc.municipality')}, '') AS lm,
                   nullif(regexp_extract(lower(coalesce(r2.url, '')), '^(?:https?://)?(?:www\\.)?([^/:]+)', 1), '') AS ld,
                   nullif(regexp_extract(lower(coalesce(rr.website, '')), '^(?:https?://)?(?:www\\.)?([^/:]+)', 1), '') AS rd
            FROM cand c JOIN organisation o ON CAST(o.pic AS VARCHAR) = c.left_id
            JOIN ror_record rr ON rr.ror_id = c.ror_id
            LEFT JOIN org_location loc ON loc.pic = o.pic
            LEFT JOIN (SELECT pic, arg_min(url, priority) AS url FROM organisation_record  -- the candidates' records only
                       WHERE url IS NOT NULL AND CAST(pic AS VARCHAR) IN (SELECT left_id FROM cand) GROUP BY pic) r2
                   ON r2.pic = o.pic
        ), scored AS (
            SELECT *, (lc IS NOT NULL AND (lc IN (rc, rm))) OR (lm IS NOT NULL AND lm IN (rc, rm)) AS city_agrees,
                   lc IS NOT NULL AND coalesce(rc, rm) IS NOT NULL AND NOT ((lc IN (rc, rm)) OR coalesce(lm IN (rc, rm), false)) AS city_differs,
                   ld IS NOT NULL AND ld = rd AS domain_agrees
            FROM ev
        ), named AS (
            SELECT *, CASE WHEN city_agrees THEN greatest(any_score, CASE WHEN subset THEN {SUBSET_SCORE} END)
                           ELSE coalesce(full_score, 0) END AS name_score FROM scored
        ), total AS (
            SELECT *, least(100.0, name_score + CASE WHEN city_agrees THEN 4 WHEN city_differs THEN -{CITY_DIFFERS_PENALTY} ELSE 0 END
                                    + CASE WHEN acronym_agrees THEN 4 ELSE 0 END
                                    + CASE WHEN domain_agrees THEN 6 ELSE 0 END) AS score
            FROM named
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS rk,
                   lead(score) OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS runner_up_score,
                   lead(ror_id) OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS runner_up,
                   -- a word-subset candidate does not stand when another record's name itself is closer
                   subset AND name_score > coalesce(any_score, 0)
                     AND max(coalesce(any_score, 0)) OVER (PARTITION BY left_id) >= greatest(coalesce(any_score, 0) + 1, {OUTNAMED_SCORE})
                     AS outnamed
            FROM total WHERE score >= {UNCERTAIN_SCORE}
        )
        SELECT 'pic', left_id, 'ror', ror_id, score,
               CASE WHEN name_score = 100 THEN '{METHOD_EXACT}' ELSE '{METHOD_FUZZY}' END
                 || CASE WHEN subset AND coalesce(any_score, 0) < name_score THEN ' (one name holds all words of the other)'
                         WHEN coalesce(full_score, 0) < name_score THEN ' (without the city name)' ELSE '' END
                 || CASE WHEN city_agrees THEN ' + city' ELSE '' END || CASE WHEN acronym_agrees THEN ' + acronym' ELSE '' END
                 || CASE WHEN domain_agrees THEN ' + web domain' ELSE '' END,
               CASE WHEN rk = 1 AND score >= {MATCH_SCORE} AND name_score >= {MATCH_SCORE} AND NOT outnamed AND coalesce(runner_up_score, 0) <= score - {AMBIGUITY_GAP}
                    THEN 'matched' ELSE 'uncertain' END,
               json_object('left_name', left_name, 'right_name', right_name, 'name_score', name_score,
                           'left_city', left_city, 'right_city', coalesce(right_city, right_municipality),
                           'city_agrees', city_agrees, 'city_differs', city_differs, 'acronym_agrees', acronym_agrees,
                           'domain_agrees', domain_agrees, 'rank', rk, 'runner_up', runner_up,
                           'runner_up_score', runner_up_score, 'word_subset', subset, 'outnamed', outnamed),
               now()::TIMESTAMP
        FROM ranked WHERE rk <= 3""")
    apply_decisions(ws)
    for t in ("_rl", "_rr", "_rp"):
        ws.execute(f"DROP TABLE IF EXISTS {t}")
    return dict(ws.rows("SELECT status, count(*) FROM org_match GROUP BY 1"))


def apply_decisions(ws) -> None:
    """Review decisions (the latest per pair) override the matcher; an accepted pair the matcher did not propose is added."""
    ws.execute("""
        CREATE OR REPLACE TEMP TABLE _dec AS
        SELECT * FROM match_decision QUALIFY row_number() OVER (
            PARTITION BY left_scheme, left_id, right_scheme, right_id ORDER BY decided_at DESC, source_row DESC NULLS LAST) = 1""")
    ws.execute("""
        UPDATE org_match m SET status = CASE d.decision WHEN 'accept' THEN 'accepted' ELSE 'rejected' END
        FROM _dec d WHERE d.left_scheme = m.left_scheme AND d.left_id = m.left_id AND d.right_scheme = m.right_scheme
                      AND d.right_id = m.right_id""")
    ws.execute("""
        INSERT INTO org_match
        SELECT d.left_scheme, d.left_id, d.right_scheme, d.right_id, NULL, 'review decision', 'accepted',
               json_object('decided_by', d.decided_by, 'note', d.note, 'file', d.file), now()::TIMESTAMP
        FROM _dec d WHERE d.decision = 'accept' AND NOT EXISTS (
            SELECT 1 FROM org_match m WHERE d.left_scheme = m.left_scheme AND d.left_id = m.left_id
              AND d.right_scheme = m.right_scheme AND d.right_id = m.right_id)""")
    # A PIC with an accepted ROR is settled: its other automatic candidates step back to 'uncertain'.
    ws.execute("""
        UPDATE org_match m SET status = 'uncertain'
        WHERE m.status = 'matched' AND EXISTS (SELECT 1 FROM org_match a WHERE a.status = 'accepted'
              AND a.left_scheme = m.left_scheme AND a.left_id = m.left_id AND a.right_id <> m.right_id)""")
    ws.execute("DROP TABLE IF EXISTS _dec")


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
    generic = ", ".join("'" + g + "'" for g in sorted(GENERIC))
    return ws.rows(f"""
        WITH n AS (
            SELECT n.ror_id, r.country_code, n.name, r.city, r.municipality FROM ror_name n JOIN ror_record r USING (ror_id)
            UNION SELECT m.right_id, r.country_code, unnest([o.name, CASE WHEN length(o.short_name) >= 3 AND upper(o.short_name) <> upper(coalesce(o.city, ''))
                AND upper(o.short_name) NOT IN (SELECT upper(name) FROM geo_region) THEN o.short_name END]),
                         r.city, r.municipality
            FROM org_match m JOIN organisation o ON CAST(o.pic AS VARCHAR) = m.left_id JOIN ror_record r ON r.ror_id = m.right_id
            WHERE m.status IN ('matched', 'accepted') AND o.name IS NOT NULL
        ), t AS (
            SELECT ror_id, country_code, {tokens_sql('name')} AS toks,
                   len(string_split(trim(regexp_replace(name, '\\(.*\\)', '')), ' ')) AS words,
                   list_concat({tokens_sql('city')}, {tokens_sql('municipality')}) AS city_toks FROM n
        ), v AS (
            -- a name that normalises to one word counts only when it is one word ('TNO', 'Nikhef'), not
            -- when stop words left one ('Dutch Foundation for Literature' -> 'LITERATURE')
            SELECT ror_id, country_code, toks FROM t WHERE len(toks) >= 2 OR words = 1
            UNION  -- without the city words, when a distinctive word remains ('Erasmus University [Rotterdam]')
            SELECT ror_id, country_code, list_filter(toks, lambda x: NOT list_contains(city_toks, x)) FROM t
            WHERE len(list_filter(toks, lambda x: NOT list_contains(city_toks, x) AND x NOT IN ({generic}))) >= 1
              AND len(list_filter(toks, lambda x: NOT list_contains(city_toks, x))) >= 2
        )
        SELECT DISTINCT v.ror_id, v.country_code, array_to_string(list_sort(v.toks), ' '), array_to_string(v.toks, ' '),
               list_concat({tokens_sql('r.city')}, {tokens_sql('r.municipality')})
        FROM v JOIN ror_record r USING (ror_id) WHERE len(v.toks) >= 1 AND length(array_to_string(v.toks, ' ')) >= 3""")


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
    con = ws.con
    con.execute("CREATE OR REPLACE TEMP TABLE _aff AS SELECT unnest(?::VARCHAR[]) AS seg, unnest(range(?)) AS seg_id",
                [segs, len(segs)])
    seg_rows = con.execute(f"SELECT seg_id, {sorted_name_sql('seg')}, {norm_name_sql('seg')} FROM _aff ORDER BY seg_id").fetchall()
    seg_sorted = [r[1] for r in seg_rows]
    names = _name_keys(ws)
    keys = sorted({n[2] for n in names})
    by_key: dict[str, list[tuple[str, str]]] = {}
    city_toks: dict[str, set[str]] = {}
    for r, c, k, _u, ct in names:
        by_key.setdefault(k, []).append((r, c))
        city_toks[r] = set(ct or [])
    hits: dict[int, dict[str, set[str]]] = {}   # segment -> ror -> tokens of the matched name
    owner_toks = [set(_SPLIT_WORDS.split(s.upper())) for s in strings]
    li, ri, _sc = top_candidates(seg_sorted, keys, k=1, cutoff=int(cutoff))
    for a, b in zip(li.tolist(), ri.tolist()):
        for ror, _c in by_key[keys[b]]:
            hits.setdefault(a, {}).setdefault(ror, set()).update(keys[b].split())
    con.execute("CREATE OR REPLACE TEMP TABLE _affn AS SELECT unnest(?::INTEGER[]) AS seg_id, unnest(?::VARCHAR[]) AS norm",
                [[r[0] for r in seg_rows], [r[2] for r in seg_rows]])
    con.execute("CREATE OR REPLACE TEMP TABLE _nm AS SELECT unnest(?::VARCHAR[]) AS ror_id, unnest(?::VARCHAR[]) AS norm",
                [[n[0] for n in names], [n[3] for n in names]])
    for seg_id, ror, norm in con.execute("""
            SELECT a.seg_id, n.ror_id, n.norm FROM _affn a JOIN _nm n
            ON contains(' ' || a.norm || ' ', ' ' || n.norm || ' ') WHERE n.norm LIKE '% %'""").fetchall():
        hits.setdefault(seg_id, {}).setdefault(ror, set()).update(norm.split())
    for t in ("_aff", "_affn", "_nm"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    country_of = {n[0]: n[1] for n in names}
    upper = [s.upper() for s in strings]
    wanted = [{c for c, words in COUNTRY_WORDS.items() if any(w in u for w in words)} for u in upper]
    out: list[set[str]] = [set() for _ in strings]
    for seg_id, found in hits.items():
        owner = seg_owner[seg_id]
        keep = {r for r, toks in found.items() if not any(o != r and toks < other for o, other in found.items())}
        # one name, several records ('Sint Maartenskliniek' in Nijmegen and in Woerden): the one whose city the string names
        for r in list(keep):
            twins = {o for o in keep if found[o] == found[r]}
            named = {o for o in twins if city_toks.get(o, set()) & owner_toks[owner]}
            if len(twins) > 1 and named:
                keep -= twins - named
        out[owner] |= {r for r in keep if not wanted[owner] or country_of.get(r) in wanted[owner]}
    return out


def evidence(row_evidence: str | dict) -> dict:
    return row_evidence if isinstance(row_evidence, dict) else json.loads(row_evidence or "{}")
