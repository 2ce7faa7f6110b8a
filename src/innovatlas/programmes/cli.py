"""CLI commands for the framework programmes in a workspace (issue 19, item 4), registered by :func:`register`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.table import Table

from innovatlas.errors import InnovatlasError
from innovatlas.store import Workspace

__all__ = ["register"]


def register(app: typer.Typer, *, out, fail: Callable, ws_opt, ws_path: Callable[[Optional[Path]], Path]) -> None:
    from innovatlas.report.labels import number

    @app.command("programmes")
    def programmes_cmd(ecosystem: Optional[str] = typer.Argument(None, help="Ecosystem id: continuity of its "
                                                                              "organisations across programmes"),
                       workspace: Optional[Path] = ws_opt,
                       lang: str = typer.Option("en", help="en | nl"),
                       as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """The framework programmes in the workspace (FP7, H2020, HORIZON) with their years, and who took part in
        which programme, entered and left (for one ecosystem, or the whole workspace)."""
        from innovatlas.programmes import continuity, coverage_statement, programmes

        lang = lang if lang in ("en", "nl") else "en"
        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                data = {"programmes": programmes(ws), "statement": coverage_statement(ws, lang),
                        "continuity": continuity(ws, ecosystem.lower() if ecosystem else None)}
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
            return
        nl = lang == "nl"
        out.print(data["statement"], highlight=False)
        table = Table("programme" if not nl else "programma", "start years" if not nl else "startjaren",
                      "projects" if not nl else "projecten", "participations" if not nl else "deelnames",
                      "organisations" if not nl else "organisaties", "sample" if not nl else "steekproef")
        for r in data["programmes"]:
            table.add_row(r["programme"], ", ".join(map(str, r["years"])), number(r["projects"], lang),
                          number(r["participations"], lang), number(r["organisations"], lang),
                          ("ja" if nl else "yes") if r["sample"] else ("nee" if nl else "no"))
        out.print(table)
        c = data["continuity"]
        where = c["ecosystem"] or ("de hele werkruimte" if nl else "the whole workspace")
        t2 = Table("from → to" if not nl else "van → naar", "stayed" if not nl else "bleven",
                   "left" if not nl else "vertrokken", "entered" if not nl else "nieuw",
                   title=("Continuïteit, " if nl else "Continuity, ") + where)
        for tr in c["transitions"]:
            t2.add_row(f"{tr['from']} → {tr['to']}", number(tr["stayed"], lang), number(tr["left"], lang),
                       number(tr["entered"], lang))
        out.print(t2)
        for combo in c["combinations"]:
            out.print(f"  {combo['programmes']}: {number(combo['organisations'], lang)}", highlight=False)
        if c["note_" + lang]:
            out.print(c["note_" + lang], highlight=False)

    @app.command("attributes")
    def attributes_cmd(pic: int = typer.Argument(..., help="The organisation's PIC"),
                       workspace: Optional[Path] = ws_opt,
                       as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """An organisation's attributes (VAT number, legal name, SME flag, NUTS-3 code, ...) with the file and row
        each value comes from; the value used is marked."""
        from innovatlas.programmes import organisation_attributes

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                rows = organisation_attributes(ws, pic)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")
            return
        table = Table("attribute", "value", "used", "file", "row")
        for r in rows:
            table.add_row(r["attribute"], r["value"], "*" if r["used"] else "", r["file"].split("/")[-1],
                          str(r["source_row"]))
        out.print(table)
