"""The demo: the real data in ../shared/data -> workspace -> analysis -> report (both languages)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from innovatlas.errors import InputError

__all__ = ["run_demo", "DEMO_FILES"]

#: (source, path relative to the data folder)
DEMO_FILES = [
    ("geo", "nl-boundaries-cbs"),
    ("ror", "ror-nl-organisations-2022/uni_ror_NL.csv.gz"),
    ("cordis", "cordis-h2020-participations-eunets/h2020.csv.gz"),
    ("cordis", "cordis-h2020-participations-eunets/programme_parts.csv.gz"),
    ("cordis", "cordis-h2020-orgs-odfest2017/stacked_dump.csv.gz"),
    ("cordis", "cordis-fp7-organisations-gb1609/organizations.csv.gz"),
    ("ris", "eu-regional-innovation-scoreboard-2023/RIS_2023_NL.csv"),
    ("openalex", "openalex-works-api-samples"),  # OpenAlex works (issue 15): small and not Dutch-focused
]


def run_demo(data: Path, workspace: Path, out_dir: Path, *, lang: str = "en", progress=None) -> dict[str, Any]:
    from innovatlas.analysis import analyse, load_definitions, placement
    from innovatlas.report import render_site
    from innovatlas.sources import get_source
    from innovatlas.store import Workspace

    data = Path(data)
    missing = [rel for _s, rel in DEMO_FILES if not (data / rel).exists()]
    if missing:
        raise InputError(f"the demo data is not there: {', '.join(missing)}", file=str(data),
                         hint="run the demo from a checkout next to 'shared/' or pass --data PATH")
    lines = []
    t0 = time.perf_counter()
    with Workspace(workspace) as ws:
        for source in ("geo", "ror", "cordis", "ris", "openalex"):
            files = [data / rel for s, rel in DEMO_FILES if s == source]
            rep = get_source(source).import_paths(ws, files, progress=progress)
            lines += rep.lines()
        t1 = time.perf_counter()
        analyse(ws, load_definitions(), progress=progress)
        t2 = time.perf_counter()
        place = placement(ws)
        from innovatlas.registry.coverage import registry_coverage

        reg = registry_coverage(ws)  # organisation registry (issue 14)
        from innovatlas.store.queries import cli as Q

        reg_uncertain = ws.scalar(Q.UNCERTAIN_MATCHES)
        from innovatlas.connect._common import city_ids
        from innovatlas.connect.views import demo_lines

        agenda = demo_lines(ws) if city_ids(ws) else []  # connection agenda (issue 10)
        from innovatlas.publications.views import demo_lines as publication_lines

        agenda += publication_lines(ws)  # co-publications and the heterogeneous network (issue 15)
    with Workspace(workspace, read_only=True) as ws:
        other = "nl" if lang == "en" else "en"
        index = render_site(ws, Path(out_dir), lang=lang, alt=(other, f"{other}/"), progress=progress)
        render_site(ws, Path(out_dir) / other, lang=other, alt=(lang, "../"), progress=progress)
    t3 = time.perf_counter()
    lines += [
        f"Dutch organisations placed on the map: {place['placed']:,} of {place['dutch_organisations']:,}; "
        f"{place['unplaced']:,} not placed ({place['no_address']:,} with no city or postcode in any source, "
        f"{place['city_not_recognised']:,} with a city not recognised); {place['unnamed']:,} have no name in any source",
        *_coverage_lines(reg, lang),
        f"{reg_uncertain:,} uncertain matches to review: innovatlas matches list --uncertain; every count is per "
        f"registered organisation (innovatlas analyse --unit pic|organisation|parent)",
        f"import {t1 - t0:.1f} s, analysis {t2 - t1:.1f} s, report {t3 - t2:.1f} s",
        *agenda, f"connection agenda: {Path(out_dir) / 'connections.html'}",
        f"report: {index}  (Dutch version: {Path(out_dir) / other / 'index.html'})",
        f"workspace: {workspace}",
    ]
    return {"lines": lines, "index": index}


def _coverage_lines(reg: dict, lang: str) -> list[str]:
    """Coverage before and after resolution (issue 14): the stage lines of ``innovatlas matches coverage``."""
    from innovatlas.registry.texts import coverage_lines

    lines = coverage_lines(reg, lang)
    return ["organisation registry, Dutch participants named and placed:" if lang == "en"
            else "organisatieregister, Nederlandse deelnemers met naam en plaats:"] + ["  " + x for x in lines[:4]]
