"""CLI commands of the publications (issue 15), registered on the main Typer app by :func:`register`:
``publications ECO`` (figures), ``links ECO`` (the heterogeneous network: counts, metrics, exports)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.table import Table

from innovatlas.errors import InnovatlasError, InputError
from innovatlas.store import Workspace

__all__ = ["register"]


def _dump(data) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def register(app: typer.Typer, *, out, fail: Callable, ws_opt, ws_path: Callable[[Optional[Path]], Path]) -> None:
    from innovatlas.publications.i18n import num, pt

    @app.command()
    def publications(ecosystem: str = typer.Argument(..., help="Ecosystem id, e.g. nl or delft"),
                     workspace: Optional[Path] = ws_opt, lang: str = typer.Option("en", help="en | nl"),
                     top: int = typer.Option(10, help="Partners to list at home and abroad"),
                     as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """Publications (#15), co-publications (#16) and the dual-appointment proxy (#17) of an ecosystem (OpenAlex)."""
        from innovatlas.analysis import _require
        from innovatlas.publications import ecosystem_publications

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                _require(ws, ecosystem)
                d = ecosystem_publications(ws, ecosystem, top=top)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            _dump(d)
            return
        if not d["in_data"]:
            out.print(pt("no_works_ws" if not d["workspace_works"] else "no_works_eco", lang), highlight=False)
            return
        t = d["totals"]
        table = Table(pt("measure", lang), pt("value", lang), title=pt("pubs_title", lang))
        for key, label in (("publications", "full"), ("publications_fractional", "fractional"),
                           ("copublications", "copubs"), ("copublications:public_public", "public_public"),
                           ("copublications:public_private", "public_private")):
            table.add_row(pt(label, lang), num(t[key], lang, 2 if "fractional" in key else 0))
        for key in ("international", "eu", "third_country"):
            v = t[f"copublication_share:{key}"]
            table.add_row(pt(f"share_{key}", lang), "–" if v is None else num(100 * v, lang, 1) + "%")
        table.add_row(pt("dual", lang), num(t["dual_appointment_proxy"], lang))
        out.print(table)
        for side in ("home", "abroad"):
            rows = d[f"partners_{side}"]
            if rows:
                out.print(pt(f"partners_{side}", lang) + ": " + "; ".join(
                    f"{p['label']} ({p['country'] or '?'}, {num(p['joint_works'], lang)})" for p in rows), highlight=False)
        out.print(pt("sample_note", lang, works=num(d["workspace_works"], lang)), style="dim", highlight=False)

    @app.command()
    def links(ecosystem: str = typer.Argument(..., help="Ecosystem id"),
              workspace: Optional[Path] = ws_opt,
              types: Optional[List[str]] = typer.Option(None, "--type", help="Keep only these link types (repeat)"),
              out_file: Optional[Path] = typer.Option(None, "--out", help="Write FILE.gexf, FILE.graphml or FILE.json "
                                                       "(VOSviewer, one file per link type: FILE-<type>.json)"),
              as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """The heterogeneous network of an ecosystem: joint projects, co-publications and your own relation types."""
        from innovatlas.analysis import _require
        from innovatlas.publications import exports
        from innovatlas.publications.network import heterogeneous_network

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                _require(ws, ecosystem)
                net = heterogeneous_network(ws, ecosystem, types or None)
            if out_file is not None:
                suffix = out_file.suffix.lower()
                if suffix == ".gexf":
                    out_file.write_text(exports.to_gexf(net | {"description": "heterogeneous network"}), encoding="utf-8")
                    written = [out_file]
                elif suffix == ".graphml":
                    out_file.write_text(exports.to_graphml(net), encoding="utf-8")
                    written = [out_file]
                elif suffix == ".json":
                    written = []
                    for t, m in exports.to_vosviewer_by_type(net).items():
                        f = out_file.with_name(f"{out_file.stem}-{t}.json")
                        f.write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
                        written.append(f)
                else:
                    raise InputError(f"cannot write '{suffix}'", file=str(out_file), hint="use .gexf, .graphml or .json")
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            _dump({k: v for k, v in net.items() if k in ("ecosystem", "figures", "types", "combined_weight")})
            return
        table = Table("link type", "nodes", "links", "density", "components", "communities", "modularity",
                      title=f"{ecosystem}: heterogeneous network")
        for t, f in net["figures"].items():
            table.add_row(t, f"{f['nodes']:,}", f"{f['links']:,}", "–" if f["density"] is None else f"{f['density']:.4f}",
                          f"{f['components']:,}", f"{f['communities']:,}",
                          "–" if f["modularity"] is None else f"{f['modularity']:.3f}")
        out.print(table)
        out.print(f"combined weight = {net['combined_weight']}; pairs with more than one link type: "
                  f"{net['figures']['combined']['multiplex_pairs']:,}", highlight=False)
        if out_file is not None:
            for f in written:
                out.print(f"wrote {f}", highlight=False)
