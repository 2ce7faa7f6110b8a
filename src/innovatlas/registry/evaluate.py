"""Evaluate the matcher against gold standards nobody here wrote (ROR's affiliation sets) and the
hand-checked Dutch CORDIS sample (``tests/fixtures/cordis_nl_ror_gold.csv``).

Counting (pairs): for each record, the predicted ROR ids against the gold ids that exist among
the workspace's ROR records. TP = predicted and gold; FP = predicted, not gold; FN = gold, not
predicted. Precision = TP / (TP + FP), recall = TP / (TP + FN). A CORDIS organisation whose
gold says "no ROR record" counts only through false positives.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

from innovatlas.store.queries import registry as Q

__all__ = ["affiliation_set", "evaluate_affiliations", "evaluate_cordis", "scores"]

AFFILIATION_FILES = {
    "crossref": "dataset_affiliations_crossref_2024_02_19.json",
    "springer": "dataset_affiliations_springer_2023_10_31.json",
    "names": "dataset_names.json",
}


def scores(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * r / (p + r) if p and r else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def affiliation_set(folder: Path, name: str, known: set[str]) -> tuple[list[str], list[set[str]], int]:
    """(strings, gold ids within the workspace, size of the whole file) for the records whose gold id the workspace holds."""
    doc = json.loads((Path(folder) / AFFILIATION_FILES[name]).read_text(encoding="utf-8"))
    strings, gold = [], []
    for rec in doc:
        ids = rec.get("ror_ids") or ([rec["ror-id"]] if rec.get("ror-id") else [])
        ids = {i.rsplit("/", 1)[-1] for i in ids}
        if ids & known:
            strings.append(rec["affiliation"])
            gold.append(ids & known)
    return strings, gold, len(doc)


def evaluate_affiliations(ws, folder: Path) -> dict[str, dict]:
    from innovatlas.registry.resolve import match_affiliations

    known = {r[0] for r in ws.rows(Q.KNOWN_ROR_IDS)}
    out = {}
    for name in AFFILIATION_FILES:
        strings, gold, total = affiliation_set(folder, name, known)
        t0 = time.perf_counter()
        pred = match_affiliations(ws, strings)
        dt = time.perf_counter() - t0
        tp = sum(len(p & g) for p, g in zip(pred, gold))
        fp = sum(len(p - g) for p, g in zip(pred, gold))
        fn = sum(len(g - p) for p, g in zip(pred, gold))
        errors = [(s, sorted(p), sorted(g)) for s, p, g in zip(strings, pred, gold) if p != g]
        out[name] = {**scores(tp, fp, fn), "records": len(strings), "file_records": total,
                     "seconds_per_1000": dt / max(len(strings), 1) * 1000, "errors": errors}
    return out


def evaluate_cordis(ws, fixture: Path) -> dict:
    """Score the stored PIC -> ROR links (status matched/accepted) against the hand-checked sample."""
    with open(fixture, newline="", encoding="utf-8") as f:
        gold = {int(r["pic"]): r["expected_ror"] for r in csv.DictReader(f)}
    pred = {int(p): r for p, r in ws.rows(Q.CORDIS_LINKS)}
    tp = sum(1 for p, g in gold.items() if g and pred.get(p) == g)
    fp = sum(1 for p, g in gold.items() if p in pred and pred[p] != g)
    fn = sum(1 for p, g in gold.items() if g and pred.get(p) != g)
    errors = [(p, pred.get(p), g) for p, g in gold.items() if (pred.get(p) or "") != g]
    return {**scores(tp, fp, fn), "records": len(gold), "with_ror": sum(1 for g in gold.values() if g), "errors": errors}
