"""CLI of the framework data: ``innovatlas framework import|show`` (registered by :func:`register`), and the
``template`` command's new kinds (:func:`write_any_template`, called by ``innovatlas template``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer

from innovatlas.errors import InnovatlasError, InputError
from innovatlas.store import Workspace

__all__ = ["register", "write_any_template", "FRAMEWORK_KINDS", "ACTOR_KINDS", "import_framework"]

FRAMEWORK_KINDS = ("facilities", "startups", "finance", "rules")
ACTOR_KINDS = ("actors", "relations")


def write_any_template(kind: str, path: Path | None) -> list[Path]:
    """facilities|startups|finance|rules (ours) and actors|relations (the registry's writer)."""
    if kind in ACTOR_KINDS:
        from innovatlas.registry.actors import write_template

        return [write_template(kind, path or Path(f"{kind}.xlsx"))]
    from innovatlas.framework.templates import write_template

    return write_template(kind, path or Path(f"{kind}.xlsx"))


def import_framework(ws: Workspace, kind: str, paths: list[Path]):
    """Import templates of ``kind`` and update the diagnosis (which reads them)."""
    from innovatlas.diagnose import diagnose_all
    from innovatlas.framework.imports import import_kind
    from innovatlas.sources import ImportReport

    report = ImportReport()
    for p in paths:
        r = import_kind(ws, kind, p)
        report.loaded.update(r.loaded)
        report.unchanged += r.unchanged
        report.notes += r.notes
    with ws.transaction():
        diagnose_all(ws)
    return report


def register(app: typer.Typer, *, out, fail: Callable, ws_opt, ws_path: Callable[[Optional[Path]], Path]) -> None:
    fw = typer.Typer(no_args_is_help=True, help="Facilities, startups and finance, rules (seed 001): import and show.")
    app.add_typer(fw, name="framework")

    @fw.command("import")
    def fw_import(kind: str = typer.Argument(..., help="facilities | startups | finance | rules | crunchbase | dealroom"),
                  paths: List[Path] = typer.Argument(..., help="Template files (CSV or Excel) or an export (CSV)"),
                  workspace: Optional[Path] = ws_opt,
                  ecosystem: Optional[str] = typer.Option(None, help="For crunchbase/dealroom: the ecosystem of its companies"),
                  mapping: Optional[Path] = typer.Option(None, help="For crunchbase/dealroom: a column-mapping file (TOML)")):
        """Import framework data (validated, transactional: all or nothing); the diagnosis is updated."""
        try:
            with Workspace(ws_path(workspace)) as ws:
                if kind in ("crunchbase", "dealroom"):
                    from innovatlas.diagnose import diagnose_all
                    from innovatlas.framework.imports import import_export

                    if not ecosystem:
                        raise InputError(f"a {kind} export needs --ecosystem ID (the ecosystem its companies belong to)")
                    for p in paths:
                        for line in import_export(ws, kind, p, ecosystem.lower(), mapping).lines():
                            out.print(line, highlight=False)
                    with ws.transaction():
                        diagnose_all(ws)
                    return
                if kind not in FRAMEWORK_KINDS:
                    raise InputError(f"unknown kind '{kind}'", hint="choose facilities, startups, finance, rules, crunchbase or dealroom")
                for line in import_framework(ws, kind, paths).lines():
                    out.print(line, highlight=False)
            out.print("diagnosis updated", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @fw.command("show")
    def fw_show(ecosystem: str = typer.Argument(...), workspace: Optional[Path] = ws_opt,
                lang: str = typer.Option("en", help="en | nl"),
                as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """Facilities, startups and finance, rules and the nine indicators of an ecosystem (disclosed)."""
        from innovatlas.framework.views import section

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                data = section(ws, ecosystem.lower(), lang)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
            return
        from rich.table import Table

        w = data["words"]
        if not data["has_data"]:
            out.print(w["none"], highlight=False)
            return
        out.print(f"{w['facilities']}: {len(data['facilities'])} · {w['startups']}: {len(data['ventures'])} · "
                  f"{w['finance']}: {len(data['finance'])} · {w['rules']}: {len(data['rules'])}", highlight=False)
        table = Table("#", w["measure"], w["year"], w["value"], title=w["indicators"])
        for v in data["indicators"]:
            table.add_row(v["indicator"], v["measure_label"] + (f": {v['breakdown_label']}" if v["breakdown_label"] else ""),
                          str(v["year"] or w["all_years"]), v["shown"])
        out.print(table)
        out.print(data["scale_up_definition"], style="dim", highlight=False)
