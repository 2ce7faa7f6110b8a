"""Command line: a thin adapter over the service functions. Expected errors print without traceback."""

from __future__ import annotations

import json
import os
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
from innovatlas.report.labels import number, percent
from innovatlas.store import Workspace, default_workspace_path

def _flags_without_type() -> None:
    """Typer's rich help prints a type for every option, so on/off flags read ``--json <bool>``;
    a flag takes no value, so its help shows none (``--json  Print JSON``)."""
    from typer import core as typer_core

    option = getattr(typer_core, "TyperOption", None)
    original = getattr(option, "display_type_rich", None)
    if option is None or original is None or getattr(original, "_innovatlas", False):
        return

    def display_type_rich(self, ctx):
        return None if getattr(self, "is_flag", False) else original(self, ctx)

    display_type_rich._innovatlas = True
    option.display_type_rich = display_type_rich


_flags_without_type()

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="innovatlas: map, measure and diagnose research-and-innovation ecosystems.")
# markup off: names, file contents and messages are user text, printed as they are ('[/]' or ':x:' in a file
# must not be read as Rich markup or emoji codes, issue 13); styled output passes rich.text.Text
console = Console(stderr=True, markup=False, emoji=False)
out = Console(markup=False, emoji=False)

WorkspaceOpt = typer.Option(None, "--workspace", "-w", help="Workspace file (DuckDB). Default: $INNOVATLAS_WORKSPACE or ./innovatlas.duckdb")


#: where ``make demo`` (and ``innovatlas demo``) build the demo workspace
DEMO_WORKSPACE = Path("build/demo.duckdb")
_said: set[str] = set()


def _ws_path(path: Optional[Path]) -> Path:
    """``--workspace``, else $INNOVATLAS_WORKSPACE, else ./innovatlas.duckdb; when none of these is given and
    ./innovatlas.duckdb does not exist but the demo's build/demo.duckdb does, that one (said on stderr), so the
    README's tour works as written after ``make demo`` (issue 13)."""
    if path:
        return path
    default = default_workspace_path()
    if "INNOVATLAS_WORKSPACE" not in os.environ and not default.exists() and DEMO_WORKSPACE.exists():
        if str(DEMO_WORKSPACE) not in _said:
            _said.add(str(DEMO_WORKSPACE))
            console.print(f"using the demo workspace {DEMO_WORKSPACE} (pass --workspace PATH for another)",
                          style="dim", highlight=False)
        return DEMO_WORKSPACE
    return default


def _existing(paths) -> None:
    """A clear error (with the nearest names) for the first path that does not exist."""
    from innovatlas.errors import missing_path

    for p in paths:
        if not Path(p).exists():
            raise missing_path(p, "file or directory")


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
    from rich.text import Text

    console.print(Text.assemble(("Error: ", "bold red"), str(exc)), highlight=False, soft_wrap=True)
    raise typer.Exit(code=getattr(exc, "exit_code", 1))


USER_INPUTS = ("values", "qualitative", "targets", "definitions")


@app.command("import")
def import_(source: str = typer.Argument(..., help="cordis | geo | ror | ris | statline | openalex, or your own: values | qualitative | targets | definitions | facilities | startups | finance | rules"),
            paths: List[Path] = typer.Argument(..., help="Files, zips or directories"),
            workspace: Optional[Path] = WorkspaceOpt,
            framework: Optional[str] = typer.Option(None, help="H2020, HORIZON or FP7 when the file does not say"),
            encoding: str = typer.Option("utf-8", help="File encoding (utf-8, latin-1, utf-16)"),
            delimiter: Optional[str] = typer.Option(None, help="Column separator if the file was re-saved with another one"),
            table: Optional[str] = typer.Option(None, help="StatLine table id for statline, e.g. 85039NED")):
    """Import local files into the workspace (transactional: all or nothing)."""
    from innovatlas.sources import ImportReport, get_source

    try:
        from innovatlas.store.load import duckdb_encoding

        duckdb_encoding(encoding)  # an unknown --encoding is a clear error before anything is read
        _existing(paths)
        if not _ws_path(workspace).exists():
            console.print(f"creating a new workspace {_ws_path(workspace)}", style="dim", highlight=False)
        if source in ("facilities", "startups", "finance", "rules"):  # the framework data (issue 19)
            from innovatlas.framework.cli import import_framework

            with Workspace(_ws_path(workspace)) as ws:
                for line in import_framework(ws, source, paths).lines():
                    out.print(line, highlight=False)
            out.print("diagnosis updated", highlight=False)
            return
        if source in USER_INPUTS:
            from innovatlas import inputs
            from innovatlas.diagnose import diagnose_all

            fn = {"values": inputs.import_values, "qualitative": inputs.import_qualitative,
                  "targets": inputs.import_targets, "definitions": inputs.import_definitions}[source]
            with Workspace(_ws_path(workspace)) as ws:
                t = time.perf_counter()
                report = ImportReport()
                for p in paths:
                    r = fn(ws, p, encoding=encoding)
                    report.loaded.update(r.loaded)
                    report.unchanged += r.unchanged
                if report.loaded:  # an unchanged file leaves the diagnosis (and its computed_at) as it was
                    with ws.transaction():
                        diagnose_all(ws)  # the diagnosis follows the new evidence
            for line in report.lines():
                out.print(line, highlight=False)
            out.print(f"imported into {_ws_path(workspace)} in {time.perf_counter() - t:.1f} s"
                      + ("; diagnosis updated" if report.loaded else "; nothing changed"), highlight=False)
            return
        mod = get_source(source)
        opts = {"framework": framework, "encoding": encoding,
                "delimiter": {"tab": "\t"}.get(delimiter or "", delimiter)} if source == "cordis" else {}
        if source == "statline":
            opts = {"table": table, "encoding": encoding}
        elif source == "ris":
            opts = {"encoding": encoding}
        with Workspace(_ws_path(workspace)) as ws, _progress() as say:
            t = time.perf_counter()
            report = mod.import_paths(ws, paths, progress=say, **opts)
        for line in report.lines():
            out.print(line, highlight=False)
        out.print(f"imported into {_ws_path(workspace)} in {time.perf_counter() - t:.1f} s", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def fetch(source: str = typer.Argument(..., help="cordis | geo | openalex"),
          dest: Path = typer.Option(Path("downloads"), help="Folder to download into"),
          framework: List[str] = typer.Option(["H2020"], help="Programme(s) for cordis: H2020, HORIZON, FP7"),
          table: Optional[str] = typer.Option(None, help="StatLine table id for statline, e.g. 85039NED"),
          ror: Optional[List[str]] = typer.Option(None, "--ror", help="openalex: works of these institutions (ROR ids)"),
          country: Optional[str] = typer.Option(None, "--country", help="openalex: works of institutions in this country (NL)"),
          year_from: Optional[int] = typer.Option(None, "--from", help="openalex: first publication year"),
          year_to: Optional[int] = typer.Option(None, "--to", help="openalex: last publication year"),
          email: Optional[str] = typer.Option(None, "--email", help="openalex: your e-mail address (the API's polite pool)"),
          api: str = typer.Option("https://api.openalex.org", "--api", help="openalex: API base URL")):
    """Download official files (needs internet), then import them with 'innovatlas import'."""
    from innovatlas.sources import get_source

    try:
        mod = get_source(source)
        with _progress() as say:
            files = (mod.fetch(dest, frameworks=framework, progress=say) if source == "cordis"
                     else mod.fetch(dest, progress=say, ror=ror, country=country, year_from=year_from, year_to=year_to,
                                    email=email, base_url=api) if source == "openalex"
                     else mod.fetch(dest, progress=say, table=table))
        for f in files:
            out.print(f"downloaded {f}; now run: innovatlas import {source} {f}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def analyse(workspace: Optional[Path] = WorkspaceOpt,
            ecosystems: Optional[Path] = typer.Option(None, "--ecosystems", "-e", help="TOML/YAML file with ecosystem definitions (added to the built-in ones), or 'eu' for one ecosystem per country (and NUTS-2 region) in the data"),
            no_demo: bool = typer.Option(False, "--no-demo", help="Use only the definitions in --ecosystems"),
            weight: str = typer.Option("projects", help="Edge weight: projects (joint projects) or fractional"),
            engine: Optional[str] = typer.Option(None, "--engine", help="duckdb (default) or spark: the engine that runs the relational steps (default: the workspace's 'config --engine')"),
            spark_master: Optional[str] = typer.Option(None, "--spark-master", help="Spark master: local[2], spark://host:7077 or sc://host:15002 (Spark Connect)"),
            spark_input: Optional[Path] = typer.Option(None, "--spark-input", help="Directory of Parquet inputs every Spark executor can read (see export-parquet); default: exported next to the workspace"),
            programme: str = typer.Option("all", "--programme", help="FP7, H2020, HORIZON (Horizon Europe) or all: analyse one framework programme only (default: all programmes together)"),
            unit: str = typer.Option("organisation", "--unit", help="What every count counts: organisation (registered organisations, PICs of one organisation joined; the default), parent (rolled up to the ROR parent) or pic")):
    """Delineate the ecosystems and compute indicators and networks (on DuckDB or on Spark)."""
    from innovatlas.analysis import analyse as run, ecosystems as list_ecos, load_definitions

    try:
        eu = ecosystems is not None and str(ecosystems).lower() == "eu"  # EU-wide ecosystems (issue 11)
        defs = None if eu else load_definitions(ecosystems, with_demo=not no_demo)
        with Workspace(_ws_path(workspace)) as ws, _progress() as say:
            t = time.perf_counter()
            if eu:
                from innovatlas.europe import eu_definitions

                defs = eu_definitions(ws, with_demo=not no_demo)
            from innovatlas.programmes import restrict

            defs = restrict(defs, programme)  # one framework programme, or all (issue 19)
            from innovatlas.store.engines import engine_settings

            cfg = engine_settings(ws)
            used = engine or cfg["engine"]
            run(ws, defs, weight=weight, progress=say, engine=used,
                spark_master=spark_master or cfg["spark_master"], spark_input=spark_input or cfg["spark_input"], unit=unit)
            rows = list_ecos(ws)
        out.print(f"analysed {len(rows)} ecosystems in {time.perf_counter() - t:.1f} s on {used}; unit: {unit}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command("export-parquet")
def export_parquet(directory: Path = typer.Argument(..., help="Directory to write <table>.parquet into"),
                   workspace: Optional[Path] = WorkspaceOpt):
    """Write the analysis inputs as Parquet, e.g. to a shared file system for 'analyse --engine spark --spark-input DIR'."""
    from innovatlas.store.engines import export_inputs

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws, _progress() as say:
            files = export_inputs(ws, directory, progress=say)
        for table, path in files.items():
            out.print(f"{table}: {path}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command("ecosystems")
def list_ecosystems(workspace: Optional[Path] = WorkspaceOpt, lang: str = typer.Option("en", help="nl or en")):
    """List the analysed ecosystems."""
    from innovatlas.analysis import ecosystems as list_ecos
    from innovatlas.report.i18n import t

    lang = _lang(lang)
    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = list_ecos(ws)
            names = _names(ws, lang)
        table = Table("id", t("name", lang), t("kind", lang), t("parent", lang), t("members", lang))
        for r in rows:
            table.add_row(r["ecosystem_id"], names.get(r["ecosystem_id"], r["name_en"]), t(r["kind"], lang),
                          names.get(r["parent"], r["parent"] or ""), number(r["members"], lang))
        out.print(table)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def summary(ecosystem: str = typer.Argument(..., help="Ecosystem id, e.g. nl or eindhoven"),
            workspace: Optional[Path] = WorkspaceOpt,
            as_json: bool = typer.Option(False, "--json", help="Print JSON"),
            lang: str = typer.Option("en", help="nl or en"),
            programme: str = typer.Option("all", "--programme", help="FP7, H2020, HORIZON or all (default): the figures of one framework programme")):
    """Headline figures of an ecosystem."""
    from innovatlas.programmes import programme_summary

    get = lambda ws, eco: programme_summary(ws, eco, programme)  # noqa: E731  (all programmes: the full summary)
    from innovatlas.report.i18n import t
    from innovatlas.report.labels import MEASURES, measure_label

    lang = _lang(lang)
    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            data = get(ws, ecosystem.lower())
            names = _names(ws, lang)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("figure" if lang == "en" else "kengetal", t("value", lang),
                  title=names.get(data["ecosystem"], data["name"]) + (f" ({data['programme']})" if data.get("programme") else ""))
    for k, v in data.items():
        if isinstance(v, dict) or k in ("ecosystem", "name", "programme"):
            continue
        label = measure_label(k, lang) if k in MEASURES else t(k, lang) if k != "kind" else t("kind", lang)
        if k == "internal_organisation_pairs":
            label = t("internal_pairs", lang)
        shown = (t(v, lang) if k == "kind" else t("not_available", lang) if v is None
                 else percent(v, lang) if k in ("sme_share", "organisation_degree") else number(v, lang))
        table.add_row(label, shown)
    net = data.get("network") or {}
    if net.get("betweenness_method"):  # brokers: exact or estimated with its bound (issue 20)
        from innovatlas.network import broker_note

        table.add_row(t("betweenness", lang), broker_note(net, lang))
    if data.get("unit"):  # what the counts count (issue 14)
        table.add_row(t("reg_unit", lang), data["unit"]["label_" + lang])
    out.print(table)


@app.command()
def overlaps(ecosystem: Optional[str] = typer.Argument(None), workspace: Optional[Path] = WorkspaceOpt,
             as_json: bool = typer.Option(False, "--json", help="Print JSON"),
             lang: str = typer.Option("en", help="nl or en")):
    """Shared organisations and Jaccard index between ecosystems."""
    from innovatlas.analysis import overlaps as get
    from innovatlas.report.i18n import t

    lang = _lang(lang)
    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = get(ws, ecosystem.lower() if ecosystem else None)
            names = _names(ws, lang)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table(t("ecosystem", lang), t("ecosystem", lang), t("shared", lang), t("jaccard", lang))
    for r in rows:
        table.add_row(names.get(r["a"], r["a"]), names.get(r["b"], r["b"]), number(r["shared"], lang),
                      number(r["jaccard"], lang, 3))
    out.print(table)


@app.command()
def report(workspace: Optional[Path] = WorkspaceOpt,
           out_dir: Path = typer.Option(Path("report"), "--out", "-o", help="Folder for the HTML site"),
           lang: str = typer.Option("en", help="nl or en"),
           snapshot: Optional[str] = typer.Option(None, help="Write the report of a snapshot (its label) instead")):
    """Write the static HTML report (no internet needed to view it)."""
    from innovatlas.report import render_site

    if snapshot:  # issue 12: the frozen figures of a monitoring cycle
        try:
            with Workspace(_ws_path(workspace), read_only=True) as ws:
                out.print(f"report written: {__import__('innovatlas.cycles').cycles.render_snapshot_report(ws, snapshot, out_dir, lang)}", highlight=False)
        except InnovatlasError as exc:
            _fail(exc)
        return
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
          port: int = typer.Option(8000, help="Port"),
          allowed_host: list[str] = typer.Option([], "--allowed-host", envvar="INNOVATLAS_ALLOWED_HOSTS",
                                                 help="A host name clients use (repeatable); loopback and --host "
                                                      "always work, any other Host header gets 400"),
          workers: int = typer.Option(0, help="Worker processes (0: one per CPU core, at most 4)")):
    """Serve the web dashboard and the JSON API (read-only) over a workspace."""
    from innovatlas.web.serve import run

    try:
        __import__("innovatlas.accounts").accounts.check_bind(_ws_path(workspace), host)  # issue 12: no accounts, no network
        run(_ws_path(workspace), host=host, port=port, extra_hosts=allowed_host, workers=workers,
            announce=lambda m: out.print(m, highlight=False))
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def template(kind: str = typer.Argument(..., help="values | qualitative | targets (per ecosystem), or facilities | startups | "
                                                  "finance | rules | actors | relations"),
             args: List[str] = typer.Argument(None, help="values|qualitative|targets: ECOSYSTEM FILE (or FILE with "
                                                          "--ecosystem); the other kinds: [FILE] (default <kind>.xlsx)"),
             ecosystem: Optional[str] = typer.Option(None, "--ecosystem", "-e", help="The ecosystem of a values, "
                                                                                      "qualitative or targets template"),
             workspace: Optional[Path] = WorkspaceOpt):
    """Write an empty template (CSV or Excel by the file's extension) to fill in and import."""
    from innovatlas.errors import InputError
    from innovatlas.framework.cli import ACTOR_KINDS, FRAMEWORK_KINDS, write_any_template  # issue 19

    args = list(args or [])
    try:
        if kind in FRAMEWORK_KINDS or kind in ACTOR_KINDS:
            if len(args) > 1 or ecosystem:
                raise InputError(f"a {kind} template takes only a file name", hint=f"innovatlas template {kind} {kind}.xlsx")
            written = write_any_template(kind, Path(args[0]) if args else None)
            how = f"innovatlas actors import {written[0]}" if kind in ACTOR_KINDS else f"innovatlas import {kind} {written[0]}"
            out.print(f"template written: {', '.join(map(str, written))}; fill it in, then: {how}", highlight=False)
            return
        from innovatlas.inputs import write_template

        eco, rest = (ecosystem, args) if ecosystem else ((args[0], args[1:]) if args else (None, []))
        if not eco or len(rest) != 1:
            raise InputError(f"a {kind} template needs an ecosystem and a file",
                             hint=f"innovatlas template {kind} ECOSYSTEM FILE (or: --ecosystem ECOSYSTEM FILE)")
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            written = write_template(ws, kind, eco.lower(), Path(rest[0]))
        out.print(f"template written: {written}; fill it in, then: innovatlas import {kind} {written}", highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


@app.command()
def indicators(workspace: Optional[Path] = WorkspaceOpt, as_json: bool = typer.Option(False, "--json", help="Print JSON"),
               lang: str = typer.Option("en", help="nl or en")):
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
    lang = _lang(lang)
    heads = (("#", "indicator", "value from", "challenges", "values", "entries") if lang == "en" else
             ("#", "indicator", "waarde uit", "uitdagingen", "waarden", "beschrijvingen"))
    table = Table(*heads)
    table.columns[1].overflow = "fold"  # long names wrap at word boundaries, never cut
    for r in rows:
        table.add_row(r["id"], r[f"name_{lang}"], r["value_source"], ", ".join(map(str, r["challenges"])),
                      number(r["stored_values"], lang), number(r["qualitative_entries"], lang))
    out.print(table)


@app.command()
def diagnose(ecosystem: str = typer.Argument(...), workspace: Optional[Path] = WorkspaceOpt,
             as_json: bool = typer.Option(False, "--json", help="Print JSON"), lang: str = typer.Option("en", help="nl or en"),
             include_partial: bool = typer.Option(False, "--include-partial",
                                                  help="Judge trends with the partial start years (after the data end) too")):
    """The ten challenges and the failure rationales: verdicts, evidence and explanation."""
    from innovatlas.analysis import _require
    from innovatlas.diagnose import findings_of
    from innovatlas.report.i18n import t

    lang = _lang(lang)
    ecosystem = ecosystem.lower()
    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            _require(ws, ecosystem)
            rows = findings_of(ws, ecosystem)
            if include_partial:  # judged now, not stored: the stored diagnosis leaves partial years out
                from innovatlas.diagnose.rules import check_ecosystem

                fresh = {f.code: f.model_dump() for f in check_ecosystem(ws, ecosystem, include_partial=True)}
                rows = [dict(r, **{k: fresh[r["code"]][k] for k in ("verdict", "score", "evidence", "explanation_en",
                                                                    "explanation_nl")}) for r in rows]
            name = _names(ws, lang).get(ecosystem, ecosystem)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    title = f"{'diagnose van' if lang == 'nl' else 'diagnosis of'} {name}"
    table = Table(t("challenge", lang), t("verdict", lang), t("explanation", lang), title=title, show_lines=True)
    for r in rows:
        table.add_row(r[f"title_{lang}"], t(r["verdict"], lang), r[f"explanation_{lang}"])
    out.print(table)


@app.command()
def composite(ecosystem: str = typer.Argument(..., help="Ecosystem id (own past and targets), or several ids "
                                                         "separated by commas to compare"),
              workspace: Optional[Path] = WorkspaceOpt, as_json: bool = typer.Option(False, "--json", help="Print JSON"),
              lang: str = typer.Option("en", help="nl or en"),
              include_partial: bool = typer.Option(False, "--include-partial",
                                                   help="Show the partial start years (after the data end) too, flagged")):
    """Composite view: an ecosystem against its own past and targets (default), or a comparison."""
    from innovatlas.monitor import composite_compare, composite_view

    lang = _lang(lang)
    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            ids = [e.strip().lower() for e in ecosystem.split(",") if e.strip()]
            data = (composite_view(ws, ids[0], lang, include_partial=include_partial) if len(ids) == 1
                    else composite_compare(ws, ids))
            names = _names(ws, lang)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    out.print(_composite_table(data, names, lang))
    if data.get("partial_note"):
        out.print(data["partial_note"], highlight=False)
    if data.get("method"):
        method = data["method"] if isinstance(data["method"], str) else ", ".join(f"{k}: {v}" for k, v in data["method"].items())
        out.print(method, style="dim", highlight=False)


def _composite_table(data: dict, names: dict[str, str], lang: str) -> Table:
    """The composite view (years x indicators, % of own base year) or the comparison (ecosystems x measures)."""
    from innovatlas.report.i18n import t
    from innovatlas.report.labels import measure_label, number

    if "years" in data:
        eco = names.get(data["ecosystem"], data["ecosystem"])
        table = Table(t("year", lang), title=f"{eco}: {t('composite_view', lang)}")
        for i in data["indicators"]:
            table.add_column(f"{i['label']}\n({t('base_year', lang)} {i.get('base_year') or '–'})", justify="right")
        table.add_column(t("composite", lang), justify="right", style="bold")
        flags = data.get("partial") or [False] * len(data["years"])
        for k, year in enumerate(data["years"]):
            label = f"{year} ({t('partial_year', lang)})" if flags[k] else str(year)
            table.add_row(label, *[number(i["versus_past"][k], lang, 1) for i in data["indicators"]],
                          number(data["composite_versus_past"][k], lang, 1))
        return table
    table = Table(t("ecosystem", lang), title=t("compare", lang))
    for m in data["measures"]:
        table.add_column(measure_label(m, lang), justify="right")
    for col in ("score", "median_rank", "rank_interval"):
        table.add_column(t(col, lang), justify="right")
    for item in data["items"]:
        lo, hi = item["rank_interval"]
        table.add_row(names.get(item["ecosystem"], item["ecosystem"]),
                      *[number(item["values"][m], lang) for m in data["measures"]],
                      number(item["score"], lang, 3), number(item["median_rank"], lang, 1),
                      f"{number(lo, lang, 1)}–{number(hi, lang, 1)}")
    return table


def _lang(lang: str) -> str:
    if lang not in ("en", "nl"):
        _fail(InnovatlasError(f"unknown language '{lang}': use en or nl"))
    return lang


def _names(ws: Workspace, lang: str) -> dict[str, str]:
    """Ecosystem id -> name in the language."""
    from innovatlas.store.queries import cli as Q

    return {i: (en if lang == "en" else (nl or en)) for i, en, nl in ws.rows(Q.ECOSYSTEM_NAMES)}


@app.command()
def config(min_units: Optional[int] = typer.Option(None, help="Disclosure: minimum units in a confidential cell"),
           max_dominance: Optional[float] = typer.Option(None, help="Disclosure: maximum share of the largest contributor, the (1, k) rule (0 turns it off)"),
           dominance: Optional[List[str]] = typer.Option(None, help="Disclosure: a further (n, k) rule as n:k, e.g. 2:0.85 (repeatable; 'none' clears them)"),
           engine: Optional[str] = typer.Option(None, "--engine", help="Analysis engine: duckdb or spark ('' resets)"),
           spark_master: Optional[str] = typer.Option(None, "--spark-master", help="Spark master for --engine spark ('' resets)"),
           spark_input: Optional[str] = typer.Option(None, "--spark-input", help="Parquet input directory for Spark ('' resets)"),
           workspace: Optional[Path] = WorkspaceOpt):
    """Show or change the workspace's settings: disclosure control (the diagnosis is recomputed) and the analysis engine."""
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
            from innovatlas.store.engines import set_engine_settings

            eng = set_engine_settings(ws, engine=engine, spark_master=spark_master, spark_input=spark_input)
        out.print(f"disclosure control: {rule.describe()}", highlight=False)
        out.print(f"analysis engine: {eng['engine']}" + (f" (Spark master {eng['spark_master']}"
                  + (f", inputs {eng['spark_input']}" if eng['spark_input'] else "") + ")" if eng["engine"] == "spark" else ""),
                  highlight=False)
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
        _existing([path])
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


@app.command("index")
def index_cmd(definition: Path = typer.Option(..., "--definition", help="Index definition: CSV/Excel in COINr's iMeta layout, or TOML"),
              data: Path = typer.Option(..., "--data", help="Units' data (CSV/Excel): uCode, groups, denominators, indicators"),
              impute_group: Optional[str] = typer.Option(None, help="Impute within this group column (e.g. EurAsia_group)"),
              imputation: Optional[str] = typer.Option(None, help="none, mean or median"),
              screen: Optional[float] = typer.Option(None, help="Drop units with less than this share of indicators present (e.g. 0.9)"),
              screen_on: Optional[str] = typer.Option(None, help="Screen on the raw or the imputed set"),
              winmax: Optional[int] = typer.Option(None, help="Most points winsorised per indicator (default 5)"),
              no_treat: bool = typer.Option(False, "--no-treat", help="No outlier treatment"),
              normalisation: Optional[str] = typer.Option(None, help="minmax, zscore, rank, prank, borda or target"),
              aggregation: Optional[str] = typer.Option(None, help="arithmetic, geometric, harmonic or generalised; "
                                                                   "comma-separated for one per level from the pillars up"),
              p: Optional[float] = typer.Option(None, help="Order of the generalised mean"),
              variants: Optional[str] = typer.Option(None, help="innovatlas (default) or coinr: distance to target, "
                                                                "log fallback and rank ties as COINr defines them"),
              runs: int = typer.Option(0, help="Monte Carlo runs for rank intervals (0: none)"),
              as_json: bool = typer.Option(False, "--json", help="Print JSON"),
              lang: str = typer.Option("en", help="nl or en")):
    """Build a composite index from a definition and data (COINr's steps), print the result table."""
    from dataclasses import replace

    from innovatlas.indicators.index import IndexMethod, build_index, index_uncertainty, read_definition, read_index_data

    lang = _lang(lang)
    L = {"rank": {"en": "Rank", "nl": "Rang"}, "unit": {"en": "Unit", "nl": "Eenheid"},
         "median": {"en": "Median rank", "nl": "Mediane rang"}, "interval": {"en": "Rank 5-95%", "nl": "Rang 5-95%"},
         "dropped": {"en": "dropped", "nl": "weggelaten"}, "treated": {"en": "treated", "nl": "behandeld"},
         "runs": {"en": "Monte Carlo runs", "nl": "Monte-Carlo-runs"}}
    try:
        defn = read_definition(definition)
        method = defn.method or IndexMethod()
        if variants is not None:
            if variants not in ("innovatlas", "coinr"):
                raise InnovatlasError(f"unknown variants '{variants}': use innovatlas or coinr")
            base = IndexMethod.coinr() if variants == "coinr" else IndexMethod()
            method = replace(method, log=base.log, ties=base.ties, target_variant=base.target_variant)
        given = {"impute_group": impute_group, "imputation": imputation, "screen_threshold": screen,
                 "screen_on": screen_on, "winmax": winmax, "normalisation": normalisation, "p": p,
                 "aggregation": None if aggregation is None else
                 (aggregation if "," not in aggregation else [a.strip() for a in aggregation.split(",")])}
        method = replace(method, **{k: v for k, v in given.items() if v is not None})
        if no_treat:
            method = replace(method, treat=False)
        values = read_index_data(data, defn)
        result = build_index(defn, values, method)
        unc = index_uncertainty(defn, values, method, runs=runs) if runs > 0 else None
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        doc = result.to_dict()
        if unc:
            doc["uncertainty"] = {"runs": unc["runs"], "drawn": unc["drawn"], "units": unc["units"],
                                  "median_rank": unc["median_rank"].tolist(), "p05": unc["p05"].tolist(),
                                  "p95": unc["p95"].tolist()}
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    from rich import box

    codes = result.aggregate_codes()
    table = Table(title=f"{defn.by_code[result.top].name} ({definition.name})", box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column(L["rank"][lang], justify="right", no_wrap=True)
    table.add_column(L["unit"][lang], no_wrap=True)
    for c in codes:
        table.add_column(c, justify="right", style="bold" if c == result.top else None, no_wrap=True)
    if unc:
        table.add_column(L["median"][lang], justify="right", no_wrap=True)
        table.add_column(L["interval"][lang], justify="right", no_wrap=True)
    pos = {u: i for i, u in enumerate(result.units)}
    for row in result.table(codes):
        cells = [number(row["rank"], lang, 0), row["unit"]] + [number(row[c], lang, 2) for c in codes]
        if unc:
            i = pos[row["unit"]]
            cells += [number(unc["median_rank"][i], lang, 1),
                      f"{number(unc['p05'][i], lang, 0)}–{number(unc['p95'][i], lang, 0)}"]
        table.add_row(*cells)
    # a pipe or file gets the whole table; a terminal its own width
    (out if out.is_terminal else Console(width=1000, markup=False, emoji=False)).print(table)  # the table keeps its natural width
    for d in result.dropped:
        out.print(f"{L['dropped'][lang]}: {d['unit']} {d['name']}: {d['reason']}", highlight=False)
    if result.treatment:
        out.print(f"{L['treated'][lang]}: " + ", ".join(f"{c} ({h})" for c, h in result.treatment.items()),
                  style="dim", highlight=False)
    if unc:
        out.print(f"{L['runs'][lang]}: {unc['runs']}; " + ", ".join(f"{k}: {v}" for k, v in unc["drawn"].items()),
                  style="dim", highlight=False)
    out.print(method.describe(), style="dim", highlight=False)


matches_app = typer.Typer(help="Organisation registry: review the matches between CORDIS organisations and ROR records.",
                          no_args_is_help=True)
app.add_typer(matches_app, name="matches")


@matches_app.command("list")
def matches_list(uncertain: bool = typer.Option(False, "--uncertain", help="Only the uncertain matches"),
                 limit: int = typer.Option(50, help="Rows to show (0 = all)"), workspace: Optional[Path] = WorkspaceOpt,
                 lang: str = typer.Option("en", help="nl or en")):
    from innovatlas.registry import registry_summary
    from innovatlas.registry.review import list_matches
    from innovatlas.registry.texts import method_label, status_label
    from innovatlas.report.i18n import t
    from innovatlas.report.labels import number

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            rows = list_matches(ws, uncertain=uncertain, limit=limit or None)
            summ = registry_summary(ws)
    except InnovatlasError as exc:
        _fail(exc)
    table = Table(*(t(f"reg_col_{c}", lang) for c in ("left", "left_name", "right", "right_name", "score", "status", "method")))
    for r in rows:
        table.add_row(r["left_id"], r["left_name"] or "", r["right_id"], r["right_name"] or "",
                      "" if r["score"] is None else number(r["score"], lang, 0), status_label(r["status"], lang),
                      method_label(r["method"], lang))
    out.print(table)
    out.print(t("reg_summary", lang, orgs=number(summ["organisations"], lang), pics=number(summ["pics_linked"], lang),
                unc=number(summ["uncertain"], lang), dec=number(summ["decisions"], lang)), highlight=False)


def _matches_decide(left: str, right: str, decision: str, workspace: Optional[Path], note: Optional[str],
                    lang: str = "en") -> None:
    from innovatlas.registry.review import decide
    from innovatlas.report.i18n import t

    try:
        with Workspace(_ws_path(workspace)) as ws:
            decide(ws, left, right, decision, note=note)
    except InnovatlasError as exc:
        _fail(exc)
    out.print(t("reg_decided", lang, decision=t(f"reg_{decision}", lang), left=left, right=right), highlight=False)


@matches_app.command("accept")
def matches_accept(pic: str, ror: str, note: Optional[str] = typer.Option(None), workspace: Optional[Path] = WorkspaceOpt,
                   lang: str = typer.Option("en", help="nl or en")):
    _matches_decide(pic, ror, "accept", workspace, note, lang)


@matches_app.command("reject")
def matches_reject(pic: str, ror: str, note: Optional[str] = typer.Option(None), workspace: Optional[Path] = WorkspaceOpt,
                   lang: str = typer.Option("en", help="nl or en")):
    _matches_decide(pic, ror, "reject", workspace, note, lang)


@matches_app.command("export")
def matches_export(path: Path, uncertain: bool = typer.Option(False, "--uncertain"), workspace: Optional[Path] = WorkspaceOpt,
                   lang: str = typer.Option("en", help="nl or en")):
    """Write the matches to CSV or Excel (.xlsx); fill in 'decision' (accept/reject) and import it back."""
    from innovatlas.registry.review import export_matches
    from innovatlas.report.i18n import t
    from innovatlas.report.labels import number

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            n = export_matches(ws, path, uncertain=uncertain)
    except InnovatlasError as exc:
        _fail(exc)
    out.print(t("reg_written", lang, n=number(n, lang), path=path), highlight=False)


@matches_app.command("import")
def matches_import(path: Path, workspace: Optional[Path] = WorkspaceOpt, lang: str = typer.Option("en", help="nl or en")):
    from innovatlas.registry.review import import_decisions
    from innovatlas.report.i18n import t
    from innovatlas.report.labels import number

    try:
        with Workspace(_ws_path(workspace)) as ws:
            r = import_decisions(ws, path)
    except InnovatlasError as exc:
        _fail(exc)
    out.print(t("reg_imported", lang, n=number(r["decisions"], lang), a=number(r["accepted"], lang),
                r=number(r["rejected"], lang)), highlight=False)


@matches_app.command("coverage")
def matches_coverage(workspace: Optional[Path] = WorkspaceOpt, as_json: bool = typer.Option(False, "--json", help="Print JSON"),
                     lang: str = typer.Option("en", help="nl or en")):
    """Dutch participants named, placed and linked to ROR, before and after resolution, per source."""
    from innovatlas.registry.coverage import registry_coverage

    try:
        with Workspace(_ws_path(workspace), read_only=True) as ws:
            cov = registry_coverage(ws)
    except InnovatlasError as exc:
        _fail(exc)
    if as_json:
        out.print_json(json.dumps(cov, default=str))
        return
    for line in coverage_lines(cov, lang):
        out.print(line, highlight=False)


def coverage_lines(cov: dict, lang: str = "en") -> list[str]:
    from innovatlas.registry.texts import coverage_lines as lines

    return lines(cov, lang)


@matches_app.command("run")
def matches_run(workspace: Optional[Path] = WorkspaceOpt):
    """Re-run entity resolution (review decisions are applied again)."""
    from innovatlas.registry import build_registry

    try:
        with Workspace(_ws_path(workspace)) as ws:
            with ws.transaction():
                counts = build_registry(ws)
    except InnovatlasError as exc:
        _fail(exc)
    out.print(", ".join(f"{k}: {v:,}" for k, v in sorted(counts.items())), highlight=False)


actors_app = typer.Typer(help="Your own actors (startups, financiers, campus organisations, ...) and relations.",
                         no_args_is_help=True)
app.add_typer(actors_app, name="actors")


@actors_app.command("template")
def actors_template(kind: str = typer.Argument(..., help="actors | relations"),
                    path: Path = typer.Argument(..., help="Output .csv or .xlsx"),
                    lang: str = typer.Option("en", help="nl or en")):
    """Write an empty actors or relations template to fill in and import."""
    from innovatlas.registry.actors import write_template
    from innovatlas.report.i18n import t

    try:
        written = write_template(kind, path)
    except InnovatlasError as exc:
        _fail(exc)
    out.print(t("reg_template_written", lang, path=written), highlight=False)


@actors_app.command("import")
def actors_import(paths: List[Path] = typer.Argument(..., help="Filled-in actors or relations files (actors first)"),
                  workspace: Optional[Path] = WorkspaceOpt, lang: str = typer.Option("en", help="nl or en")):
    """Import actors or relations (transactional; each actor is resolved against the organisation registry)."""
    from innovatlas.registry.actors import import_file, report_lines

    try:
        _existing(paths)
        with Workspace(_ws_path(workspace)) as ws:
            for p in paths:
                for line in report_lines(import_file(ws, p), lang):
                    out.print(line, highlight=False)
    except InnovatlasError as exc:
        _fail(exc)


from innovatlas.connect.cli import register as _register_connect  # noqa: E402

_register_connect(app, out=out, fail=_fail, ws_opt=WorkspaceOpt, ws_path=_ws_path)
from innovatlas.programmes.cli import register as _register_programmes  # noqa: E402

_register_programmes(app, out=out, fail=_fail, ws_opt=WorkspaceOpt, ws_path=_ws_path)
from innovatlas.framework.cli import register as _register_framework  # noqa: E402

_register_framework(app, out=out, fail=_fail, ws_opt=WorkspaceOpt, ws_path=_ws_path)  # facilities, startups, finance, rules
__import__("innovatlas.accounts.cli").accounts.cli.register(app, out=out, fail=_fail, ws_opt=WorkspaceOpt, ws_path=_ws_path)
from innovatlas.publications.cli import register as _register_publications  # noqa: E402

_register_publications(app, out=out, fail=_fail, ws_opt=WorkspaceOpt, ws_path=_ws_path)  # issue 15
from innovatlas.check import register as _register_check  # noqa: E402  (issue 13)

_register_check(app, out=out, fail=_fail, ws_opt=WorkspaceOpt, ws_path=_ws_path)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
