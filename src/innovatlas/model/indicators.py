"""The 50-indicator catalogue of seed 001 (annex), shipped inside the package."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel

__all__ = ["IndicatorSpec", "load_catalogue"]

Category = Literal["impact", "outcomes", "output", "activities", "input", "preconditions"]
Availability = Literal["open_data", "import", "survey", "qualitative"]


class IndicatorSpec(BaseModel, frozen=True):
    """One indicator of the framework.

    >>> spec = load_catalogue()[29]
    >>> spec.category, spec.availability
    ('activities', 'open_data')
    """

    id: int
    category: Category
    name_en: str
    name_nl: str
    source_nl: str
    challenges: tuple[int, ...]
    availability: Availability

    def name(self, lang: str = "en") -> str:
        return self.name_en if lang == "en" else self.name_nl


@lru_cache(maxsize=1)
def load_catalogue() -> dict[int, IndicatorSpec]:
    """The indicator catalogue keyed by indicator id (1..50)."""
    text = resources.files("innovatlas").joinpath("data/indicators.csv").read_text(encoding="utf-8")
    out: dict[int, IndicatorSpec] = {}
    for row in csv.DictReader(text.splitlines()):
        out[int(row["id"])] = IndicatorSpec(
            id=int(row["id"]),
            category=row["category"],
            name_en=row["indicator_en"],
            name_nl=row["indicator_nl"],
            source_nl=row["source_nl"],
            challenges=tuple(int(c) for c in row["challenges"].split(";") if c.strip()),
            availability=row["computable_from_open_data"],
        )
    return out
