"""Command line: a thin adapter over the service functions. Expected errors print without traceback."""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from innovatlas.errors import InnovatlasError
from innovatlas.store import Workspace, default_workspace_path

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="innovatlas: map, measure and diagnose research-and-innovation ecosystems.")
console = Console(stderr=True)
out = Console()

WorkspaceOpt = typer.Option(None, "--workspace", "-w", help="Workspace file (DuckDB). Default: $INNOVATLAS_WORKSPACE or ./innovatlas.duckdb")


def _ws_path(path: Optional[Path]) -> Path:
    return path or default_workspace_path()


@contextmanager
def _progress() -> Iterator:
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                  transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("starting", total=None)

        def say(msg: str) -> None:
            bar.update(task, description=msg)
            if not console.is_terminal:
                console.print(f"  {msg}", style="dim")

        yield say


def _fail(exc: InnovatlasError) -> None:
    console.print(f"[bold red]Error:[/] {exc}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code=getattr(exc, "exit_code", 1))


USER_INPUTS = ("values", "qualitative", "targets", "definitions")


@app.command("import")
def import_(source: str = typer.Argument(..., help="cordis | geo | ror | ris | statline, or your own: values | qualitative | targets | definitions"),
            paths: List[Path] = typer.Argument(..., help="Files, zips or directories"),
            workspace: Optional[Path] = WorkspaceOpt,
            framework: Optional[str] = typer.Option(None, help="H2020, HORIZON or FP7 when the file does not say"),
            encoding: str = typer.Option("utf-8", help="File encoding (utf-8, latin-1, utf-16)"),
            delimiter: Optional[str] = typer.Option(None, help="Column separator if the file was re-saved with another one"),
            table: Optional[str] = typer.Option(None, help="StatLine table id for statline, e.g. 85039NED")):
    """Import local files into the workspace (transactional: all or nothing)."""
    from innovatlas.sources import ImportReport, get_source

    try:
        if source in USER_INPUTS:
            from innovatlas import inputs
            from innovatlas.diagnose import diagnose_all

            fn = {"values": inputs.import_values, "qualitative": inputs.import_qualitative,
                  "targets": inputs.import_targets, "definitions": inputs.import_definitions}[source]
            with Workspace(_ws_path(workspace)) as ws:
                t = time.perf_counter()
                report = ImportReport()
                for p in paths:
                    r = fn(ws, p)
                    report.loaded.update(r.loaded)
                    report.unchanged += r.unchanged
                with ws.transaction():
                    diagnose_all(ws)  # the diagnosis follows the new evidence
            for line in report.lines():
                out.print(line, highlight=False)
            out.print(f"imported into {_ws_path(workspace)} in {time.perf_counter() - t:.1f} s; diagnosis updated",
                      highlight=False)
            return
        mod = get_source(source)
        opts = {"framework": framework, "encoding": encoding,
                "delimiter": {"tab": "\t"}.get(delimiter or "", delimiter)} if source == "cordis" else {}
        if source == "statline":
            opts = {"table": table}
        with Workspace(_ws_path(workspace)) as ws, _progress() as say:
            t = time.perf_counter()
            report = mod.import_paths(ws, paths, progress=say, **opts)
        for line in report.lines():
            out.print(line, highlight=False)
        out.print(f"imported into {_ws_path(workspace)} in {time.perf_counter() - t:.1f} s", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def fetch(source: str = typer.Argument(..., help="cordis | geo"),
          dest: Path = typer.Option(Path("downloads"), help="Folder to download into"),
          framework: List[str] = typer.Option(["H2020"], help="Programme(s) for cordis: H2020, HORIZON, FP7"),
          table: Optional[str] = typer.Option(None, help="StatLine table id for statline, e.g. 85039NED")):
    """Download official files (needs internet), then import them with 'innovatlas import'."""
    from innovatlas.sources import get_source

    try:
        mod = get_source(source)
        with _progress() as say:
            files = (mod.fetch(dest, frameworks=framework, progress=say) if source == "cordis"
                     else mod.fetch(dest, progress=say, table=table))
        for f in files:
            out.print(f"downloaded {f}; now run: innovatlas import {source} {f}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def analyse(workspace: Optional[Path] = WorkspaceOpt,
            ecosystems: Optional[Path] = typer.Option(None, "--ecosystems", "-e", help="TOML/YAML file with ecosystem definitions (added to the built-in ones)"),
            no_demo: bool = typer.Option(False, "--no-demo", help="Use only the definitions in --ecosystems"),
            weight: str = typer.Option("projects", help="Edge weight: projects (joint projects) or fractional")):
    """Delineate the ecosystems and compute indicators and networks."""
    from innovatlas.analysis import analyse as run, ecosystems as list_ecos, load_definitions

    try:
        defs = load_definitions(ecosystems, with_demo=not no_demo)
        with Workspace(_ws_path(workspace)) as ws, _progress() as say:
            t = time.perf_counter()
            run(ws, defs, weight=weight, progress=say)
            rows = list_ecos(ws)
        out.print(f"analysed {len(rows)} ecosystems in {time.perf_counter() - t:.1f} s", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command("ecosystems")
def list_ecosystems(workspace: Optional[Path] = WorkspaceOpt):
    """List the analysed ecosystems."""
    from innovatlas.analysis import ecosystems as list_ecos

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = list_ecos(ws)
        table = Table("id", "name", "kind", "parent", "members")
        for r in rows:
            table.add_row(r["ecosystem_id"], r["name_en"], r["kind"], r["parent"] or "", str(r["members"]))
        out.print(table)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def summary(ecosystem: str = typer.Argument(..., help="Ecosystem id, e.g. nl or eindhoven"),
            workspace: Optional[Path] = WorkspaceOpt,
            as_json: bool = typer.Option(False, "--json", help="Print JSON")):
    """Headline figures of an ecosystem."""
    from innovatlas.analysis import summary as get

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            data = get(ws, ecosystem)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("figure", "value", title=data["name"])
    for k, v in data.items():
        if not isinstance(v, dict):
            table.add_row(k, f"{v:,.0f}" if isinstance(v, (int, float)) and abs(v) >= 1000 else str(v))
    out.print(table)


@app.command()
def overlaps(ecosystem: Optional[str] = typer.Argument(None), workspace: Optional[Path] = WorkspaceOpt,
             as_json: bool = typer.Option(False, "--json")):
    """Shared organisations and Jaccard index between ecosystems."""
    from innovatlas.analysis import overlaps as get

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = get(ws, ecosystem)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("a", "b", "shared", "jaccard")
    for r in rows:
        table.add_row(r["a"], r["b"], str(r["shared"]), f"{r['jaccard']:.3f}")
    out.print(table)


@app.command()
def report(workspace: Optional[Path] = WorkspaceOpt,
           out_dir: Path = typer.Option(Path("report"), "--out", "-o", help="Folder for the HTML site"),
           lang: str = typer.Option("en", help="nl or en")):
    """Write the static HTML report (no internet needed to view it)."""
    from innovatlas.report import render_site

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws, _progress() as say:
            index = render_site(ws, out_dir, lang=lang, progress=say)
        out.print(f"report written: {index}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def demo(data: Path = typer.Option(Path("../shared/data"), help="Folder with the shared real data"),
         workspace: Path = typer.Option(Path("build/demo.duckdb")),
         out_dir: Path = typer.Option(Path("build/report"), "--out"),
         lang: str = typer.Option("en")):
    """Import the real CORDIS/CBS/ROR data, analyse the demo ecosystems and write the report."""
    from innovatlas.demo import run_demo

    try:
        with _progress() as say:
            result = run_demo(data, workspace, out_dir, lang=lang, progress=say)
        for line in result["lines"]:
            out.print(line, highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def serve(workspace: Optional[Path] = WorkspaceOpt,
          host: str = typer.Option("127.0.0.1", help="Address to bind; the default is this machine only"),
          port: int = typer.Option(8000, help="Port")):
    """Serve the web dashboard and the JSON API (read-only) over a workspace."""
    import uvicorn

    from innovatlas.web import create_app

    try:
        application = create_app(_ws_path(workspace))
    except InnovatlasError as exc:
        _fail(exc)
    out.print(f"innovatlas dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs; Ctrl-C stops)",
              highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def template(kind: str = typer.Argument(..., help="values | qualitative | targets"),
             ecosystem: str = typer.Argument(...), path: Path = typer.Argument(..., help="Output .csv or .xlsx"),
             workspace: Optional[Path] = WorkspaceOpt):
    """Write an empty template for an ecosystem (CSV or Excel) to fill in and import."""
    from innovatlas.inputs import write_template

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            written = write_template(ws, kind, ecosystem, path)
        out.print(f"template written: {written}; fill it in, then: innovatlas import {kind} {written}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def indicators(workspace: Optional[Path] = WorkspaceOpt, as_json: bool = typer.Option(False, "--json"),
               lang: str = typer.Option("en")):
    """The 50 indicators (and your own): how each gets its value and what the workspace holds."""
    from innovatlas.inputs import catalogue_with_sources

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = catalogue_with_sources(ws)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("#", "indicator", "value from", "challenges", "values", "entries")
    for r in rows:
        table.add_row(r["id"], r[f"name_{lang}"][:70], r["value_source"], ",".join(map(str, r["challenges"])),
                      str(r["stored_values"]), str(r["qualitative_entries"]))
    out.print(table)


@app.command()
def diagnose(ecosystem: str = typer.Argument(...), workspace: Optional[Path] = WorkspaceOpt,
             as_json: bool = typer.Option(False, "--json"), lang: str = typer.Option("en", help="nl or en")):
    """The ten challenges and the failure rationales: verdicts, evidence and explanation."""
    from innovatlas.analysis import _require
    from innovatlas.diagnose import findings_of

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            _require(ws, ecosystem)
            rows = findings_of(ws, ecosystem)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    table = Table("challenge", "verdict", "explanation", title=f"diagnosis of {ecosystem}", show_lines=True)
    for r in rows:
        table.add_row(r[f"title_{lang}"], r["verdict"].replace("_", " "), r[f"explanation_{lang}"])
    out.print(table)


@app.command()
def composite(ecosystem: str = typer.Argument(..., help="Ecosystem id (own past and targets), or several ids "
                                                         "separated by commas to compare"),
              workspace: Optional[Path] = WorkspaceOpt, as_json: bool = typer.Option(False, "--json")):
    """Composite view: an ecosystem against its own past and targets (default), or a comparison."""
    from innovatlas.monitor import composite_compare, composite_view

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            ids = [e.strip() for e in ecosystem.split(",") if e.strip()]
            data = composite_view(ws, ids[0]) if len(ids) == 1 else composite_compare(ws, ids)
    except InnovatlasError as exc:
        _fail(exc)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


@app.command()
def config(min_units: Optional[int] = typer.Option(None, help="Disclosure: minimum units in a confidential cell"),
           max_dominance: Optional[float] = typer.Option(None, help="Disclosure: maximum share of the largest contributor, the (1, k) rule (0 turns it off)"),
           dominance: Optional[List[str]] = typer.Option(None, help="Disclosure: a further (n, k) rule as n:k, e.g. 2:0.85 (repeatable; 'none' clears them)"),
           workspace: Optional[Path] = WorkspaceOpt):
    """Show or change the workspace's disclosure-control settings (the diagnosis is recomputed)."""
    from innovatlas.disclosure import DisclosureRule, parse_dominance, rule_of, set_rule

    try:
        with Workspace(_ws_path(workspace)) as ws:
            rule = rule_of(ws)
            if min_units is not None or max_dominance is not None or dominance:
                extra = rule.dominance if not dominance else tuple(
                    parse_dominance(d) for d in dominance if d.strip().lower() != "none")
                dom1 = rule.max_dominance if max_dominance is None else (None if max_dominance == 0 else max_dominance)
                rule = DisclosureRule(min_units=min_units if min_units is not None else rule.min_units,
                                      max_dominance=dom1, dominance=tuple((n, k) for n, k in extra if n != 1 or dom1 is None))
                set_rule(ws, rule)
        out.print(f"disclosure control: {rule.describe()}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


assess_app = typer.Typer(help="Decisions: partnership assessment, portfolio, valorisation profile, proposal section.",
                         no_args_is_help=True)
app.add_typer(assess_app, name="assess")


@assess_app.command("run")
def assess_run(path: Path = typer.Argument(..., help="A YAML/TOML input file (see examples/)"),
               workspace: Optional[Path] = WorkspaceOpt,
               out_dir: Path = typer.Option(Path("build/decisions"), "--out", "-o"),
               lang: Optional[str] = typer.Option(None, help="nl or en (default: the file's lang)"),
               pdf: bool = typer.Option(True, help="Also write a PDF")):
    """Run a decision tool on an input file, store it as a new version, write HTML (and PDF)."""
    from innovatlas.assess import run
    from innovatlas.report.decisions import write_outputs

    try:
        with Workspace(_ws_path(workspace)) as ws:
            t = time.perf_counter()
            kind, model, result = run(ws, path)
        files = write_outputs(kind, result, out_dir, lang or model.lang, pdf=pdf)
        out.print(f"{kind} '{model.name}' version {result['version']} in {time.perf_counter() - t:.1f} s: "
                  + ", ".join(map(str, files)), highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@assess_app.command("list")
def assess_list(workspace: Optional[Path] = WorkspaceOpt):
    """Stored assessments and their number of versions."""
    from innovatlas.assess import list_assessments

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = list_assessments(ws)
    except InnovatlasError as exc:
        _fail(exc)
    table = Table("name", "kind", "versions", "last changed")
    for r in rows:
        table.add_row(r["name"], r["kind"], str(r["versions"]), r["last_changed"])
    out.print(table)


@assess_app.command("compare")
def assess_compare(name: str, old: int = typer.Option(..., "--from"), new: int = typer.Option(..., "--to"),
                   workspace: Optional[Path] = WorkspaceOpt):
    """What changed between two versions of an assessment."""
    from innovatlas.assess import compare_versions

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = compare_versions(ws, name, old, new)
    except InnovatlasError as exc:
        _fail(exc)
    table = Table("field", f"version {old}", f"version {new}")
    for r in rows:
        table.add_row(r["field"], str(r["old"]), str(r["new"]))
    out.print(table if rows else "no differences")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
