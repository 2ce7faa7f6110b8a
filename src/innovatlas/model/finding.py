"""Findings of the diagnosis: a verdict with the evidence and a plain-language explanation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

__all__ = ["Evidence", "Finding", "Verdict"]

Verdict = Literal["strength", "white_spot", "mixed", "unknown", "present", "not_indicated"]


class Evidence(BaseModel):
    """One piece of evidence: a value (or a documented entry), how it was judged and why."""

    kind: Literal["open_data", "import", "survey", "qualitative", "signal", "target"]
    indicator: str
    measure: str
    label_en: str
    label_nl: str
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    reference: float | None = None
    source: str
    judgement: int | None  # +1 positive, 0 neutral, -1 negative, None not judged (no data or suppressed)
    reason_en: str
    reason_nl: str
    #: what the value was judged against: own_past, peers, size_adjusted or threshold (issue 9)
    reference_kind: str | None = None


class Finding(BaseModel):
    """One challenge (or rationale) of one ecosystem."""

    ecosystem_id: str
    kind: Literal["challenge", "rationale"]
    code: str
    title_en: str
    title_nl: str
    verdict: Verdict
    score: float | None
    evidence: list[Evidence]
    explanation_en: str
    explanation_nl: str
