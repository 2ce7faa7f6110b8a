"""Templates of the framework data: facilities, startups, finance and rules (CSV or Excel).

An Excel template has one sheet per part (``facilities``, ``investments``, ``use``; ``startups``,
``employees``) and a ``help`` sheet with the allowed codes and their Dutch and English labels
(:mod:`innovatlas.model.vocabulary`). A CSV template is the first part; the other parts are written beside
it as ``<name>-<part>.csv`` and read back from there on import (each part but the first may be left out).

Columns
    facilities   ``facility_id, name, facility_type, ecosystems, owner, operator, lat, lon, postcode, city,
                 opening_year, capacity, capacity_unit, website, note``
    investments  ``facility_id, year, amount, currency, funder, confidential, source``
    use          ``facility_id, user, user_type, amount, amount_unit, since_year, until_year, note``
    startups     ``actor_id, name, actor_type, ecosystems, founding_year, sector, stage, city, postcode, kvk, pic,
                 ror, country, website, parent, ip_holder, spin_off_year, note``
    employees    ``actor_id, year, employees, confidential``
    finance      ``actor_id, round, date, amount, currency, investors, instrument, confidential, source``
    rules        ``ecosystems, rule_type, title, text, date, source, evidence, challenges, effect, status, author``

``ecosystems`` lists analysed ecosystem ids separated by ``;``. ``owner``, ``operator``, ``user``,
``parent`` and ``ip_holder`` refer to an actor: an ``actor_id`` of your actors (``innovatlas actors import``)
or of the startups file, ``pic:<PIC>`` of a CORDIS organisation or ``ror:<ROR id>``. ``confidential`` is
yes/no: a confidential investment amount or employee count is never shown, and sums that include it are
published only under the disclosure rule (:mod:`innovatlas.disclosure`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from innovatlas.errors import InputError
from innovatlas.model.actors import ActorType
from innovatlas.model.vocabulary import VOCABULARY

__all__ = ["PARTS", "REQUIRED", "KINDS", "write_template", "part_path"]

#: kind -> its parts in order: (part name, columns)
PARTS: dict[str, list[tuple[str, list[str]]]] = {
    "facilities": [
        ("facilities", ["facility_id", "name", "facility_type", "ecosystems", "owner", "operator", "lat", "lon", "postcode",
                        "city", "opening_year", "capacity", "capacity_unit", "website", "note"]),
        ("investments", ["facility_id", "year", "amount", "currency", "funder", "confidential", "source"]),
        ("use", ["facility_id", "user", "user_type", "amount", "amount_unit", "since_year", "until_year", "note"]),
    ],
    "startups": [
        ("startups", ["actor_id", "name", "actor_type", "ecosystems", "founding_year", "sector", "stage", "city", "postcode",
                      "kvk", "pic", "ror", "country", "website", "parent", "ip_holder", "spin_off_year", "note"]),
        ("employees", ["actor_id", "year", "employees", "confidential"]),
    ],
    "finance": [("finance", ["actor_id", "round", "date", "amount", "currency", "investors", "instrument", "confidential",
                             "source"])],
    "rules": [("rules", ["ecosystems", "rule_type", "title", "text", "date", "source", "evidence", "challenges", "effect",
                         "status", "author"])],
}
REQUIRED: dict[str, list[str]] = {
    "facilities": ["facility_id", "name", "facility_type", "ecosystems"],
    "investments": ["facility_id", "year", "amount", "currency", "confidential"],
    "use": ["facility_id", "user"],
    "startups": ["actor_id", "name", "ecosystems"],
    "employees": ["actor_id", "year", "employees", "confidential"],
    "finance": ["actor_id", "date", "instrument", "confidential"],
    "rules": ["ecosystems", "rule_type", "title", "date", "source", "evidence", "effect", "author"],
}
KINDS = tuple(PARTS)
#: actor types a startups file may give (a startup unless said otherwise)
VENTURE_TYPES = (ActorType.STARTUP.value, ActorType.SME.value, ActorType.FIRM.value, ActorType.LARGE_FIRM.value)

_EXAMPLES = {  # one illustrative row per part (invented), so the user sees the format
    "facilities": ["fac1", "Example test hall", "fieldlab", "eindhoven", "pic:999999999", "", "51.45", "5.48", "5612 AZ",
                   "Eindhoven", "2019", "1200", "m2", "", "delete this example row"],
    "investments": ["fac1", "2019", "2500000", "EUR", "Provincie Noord-Brabant", "no", "annual report 2019"],
    "use": ["fac1", "st1", "startup", "40", "days per year", "2020", "", ""],
    "startups": ["st1", "Example Startup BV", "startup", "eindhoven", "2018", "photonics", "seed", "Eindhoven", "", "",
                 "", "", "NL", "", "pic:999999999", "pic:999999999", "2018", "delete this example row"],
    "employees": ["st1", "2020", "12", "yes"],
    "finance": ["st1", "Seed", "2020-05-01", "1500000", "EUR", "Example Ventures|pic:999999999", "seed", "no", "press release"],
    "rules": ["eindhoven", "regulation", "Permits for test sites", "Permits take a year", "2024-03-01",
              "interviews with facility managers", "https://example.org/report.pdf", "10;2", "barrier", "open", "you"],
}
_HELP = {
    "facility_type": "facility_type", "user_type": "actor_type", "actor_type": "actor_type", "stage": "stage",
    "instrument": "instrument", "rule_type": "rule_type", "effect": "rule_effect",
}


def part_path(path: Path, part: str, first: str) -> Path:
    """Where a part of a CSV template lives: the file itself for the first part, else ``<stem>-<part>.csv``."""
    return path if part == first else path.with_name(f"{path.stem}-{part}{path.suffix}")


def write_template(kind: str, path: str | Path, *, example: bool = False) -> list[Path]:
    """Write an empty template of ``kind`` (header rows; with ``example`` one illustrative row) to ``path``."""
    if kind not in PARTS:
        raise InputError(f"unknown template '{kind}'", hint=f"choose one of: {', '.join(KINDS)}")
    path = Path(path)
    parts = PARTS[kind]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        for i, (part, cols) in enumerate(parts):
            sh = wb.active if i == 0 else wb.create_sheet(part)
            sh.title = part
            sh.append(cols)
            if example:
                sh.append(_EXAMPLES[part])
        help_ = wb.create_sheet("help")
        help_.append(["column", "code", "English", "Nederlands"])
        for col, vocab in _HELP.items():
            if any(col in cols for _p, cols in parts):
                for code, (en, nl) in VOCABULARY[vocab].items():
                    help_.append([col, code, en, nl])
        help_.append(["required", "; ".join(f"{p}: {', '.join(REQUIRED[p])}" for p, _c in parts), "", ""])
        wb.save(path)
        return [path]
    written = []
    for part, cols in parts:
        p = part_path(path, part, parts[0][0])
        with open(p, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            if example:
                w.writerow(_EXAMPLES[part])
        written.append(p)
    return written
