"""CLI commands of the connection agenda, registered on the main Typer app by :func:`register`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.table import Table
from rich.text import Text

from innovatlas.errors import InnovatlasError
from innovatlas.store import Workspace

__all__ = ["register"]


def _dump(data) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def register(app: typer.Typer, *, out, fail: Callable, ws_opt, ws_path: Callable[[Optional[Path]], Path]) -> None:
    from innovatlas.connect.i18n import ct, num

    @app.command()
    def specialisation(ecosystems: Optional[List[str]] = typer.Argument(None, help="Ecosystem ids (default: the 13 knowledge cities)"),
                       workspace: Optional[Path] = ws_opt,
                       reference: str = typer.Option("nl", help="Reference population: nl | eu28 | all"),
                       measure: str = typer.Option("participations", help="participations | organisations | funding"),
                       scope: str = typer.Option("municipality", help="Knowledge cities as municipality | adjacent (city regions)"),
                       lang: str = typer.Option("en", help="en | nl"),
                       as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """Specialisation profiles (Balassa RCA / RSCA over H2020 programme parts), joint specialisations and complementarity."""
        from innovatlas.connect.complementarity import complementarity, describe_pairs

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                res = complementarity(ws, ecosystems or None, reference=reference, measure=measure, scope=scope, lang=lang)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            _dump(res)
            return
        spec = res["specialisation"]
        table = Table("theme", *[e["name"][:10] for e in spec["ecosystems"]], title=ct("heatmap", lang))
        for j, t in enumerate(spec["themes"]):
            cells = []
            for i in range(len(spec["ecosystems"])):
                v = spec["rsca"][i][j]
                txt = "–" if v is None else num(v, lang, 2)
                cells.append(Text(txt, style="bold red") if spec["specialised"][i][j] else txt)
            table.add_row(t["code"], *cells)
        out.print(table)
        out.print(spec["method"], highlight=False)
        out.print(spec["citation"], style="dim", highlight=False)
        for line in describe_pairs(res, lang):
            out.print("• " + line, highlight=False)

    @app.command()
    def connections(ecosystems: Optional[List[str]] = typer.Argument(None, help="Ecosystem ids (default: the 13 knowledge cities)"),
                    workspace: Optional[Path] = ws_opt,
                    year_from: Optional[int] = typer.Option(None, "--from", help="First project start year"),
                    year_to: Optional[int] = typer.Option(None, "--to", help="Last project start year"),
                    scope: str = typer.Option("municipality", help="municipality | adjacent"),
                    limit: int = typer.Option(15, help="Pairs and bridges to show"),
                    lang: str = typer.Option("en"),
                    as_json: bool = typer.Option(False, "--json")):
        """Collaboration matrix between ecosystems (raw, association strength, observed/expected), bridges, pipelines."""
        from innovatlas.connect.connections import bridges, collaboration_matrix, pipelines
        from innovatlas.connect.regions import scope_additions

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                ids = ecosystems or None
                res = {"matrix": collaboration_matrix(ws, ids, year_from=year_from, year_to=year_to, scope=scope, lang=lang),
                       "bridges": bridges(ws, ids, limit=limit, scope=scope, lang=lang),
                       "pipelines": pipelines(ws, ids, scope=scope, year_from=year_from, year_to=year_to, lang=lang)}
                if not ecosystems:
                    res["regions"] = scope_additions(ws)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            _dump(res)
            return
        t = Table(ct("pair", lang), ct("joint_projects", lang), ct("org_pairs", lang), ct("joint_ec", lang), ct("obs_exp", lang),
                  title=ct("connections", lang))
        for p in res["matrix"]["pairs"][:limit]:
            t.add_row(f"{p['a_name']} – {p['b_name']}", num(p["joint_projects"], lang), num(p["organisation_pairs"], lang),
                      num(p["joint_ec_eur"], lang), num(p["observed_expected"], lang, 2))
        out.print(t)
        out.print(res["matrix"]["method"] + "; " + res["matrix"]["citation"], style="dim", highlight=False)
        b = Table(ct("organisation", lang), ct("city", lang), ct("cities_linked", lang), ct("joint_projects", lang),
                  ct("carries", lang), title=ct("bridges", lang))
        for r in res["bridges"]:
            b.add_row(r["label"][:50], r["ecosystem_name"], str(r["cities_linked"]), num(r["joint_projects"], lang),
                      f"{r['carries_pair_with_name']} ({num(100 * r['share_of_pair'], lang)}%)")
        out.print(b)
        pt = Table(ct("city", lang), *[ct(k, lang) for k in ("local", "national", "eu", "associated", "third_country")],
                   ct("top_countries", lang), title=ct("pipelines", lang))
        for r in res["pipelines"]:
            pt.add_row(r["name"], *[("–" if r["shares"][c] is None else num(100 * r["shares"][c], lang, 1) + "%")
                                    for c in ("internal", "rest_nl", "eu", "associated", "third_country")],
                       ", ".join(c["country"] for c in r["countries"]))
        out.print(pt)
        if "regions" in res:
            rt = Table(ct("city", lang), ct("municipality", lang), ct("adjacent", lang), ct("corop", lang), title=ct("regions", lang))
            for r in res["regions"]:
                rt.add_row(r["city"], num(r["municipality"], lang), f"{num(r['adjacent'], lang)} (+{r['added_by_adjacent']})",
                           f"{num(r['corop'], lang)} (+{r['added_by_corop']})")
            out.print(rt)

    @app.command()
    def dynamics(ecosystem: str = typer.Argument(..., help="Ecosystem id"), workspace: Optional[Path] = ws_opt,
                 lang: str = typer.Option("en"), as_json: bool = typer.Option(False, "--json")):
        """Entrants, stayers, leavers, funding and links per year, cohort survival and the stage (rule included)."""
        from innovatlas.connect.dynamics import dynamics as get

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                res = get(ws, ecosystem, lang=lang)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            _dump(res)
            return
        t = Table(ct("year", lang), ct("active", lang), ct("entrants", lang), ct("stayers", lang), ct("leavers", lang),
                  ct("funding", lang), ct("links", lang), title=f"{res['name']}: {ct('dynamics', lang)}")
        for y in res["years"]:
            t.add_row(str(y["year"]), num(y["active"], lang), num(y["entrants"], lang), num(y["stayers"], lang),
                      num(y["leavers"], lang), num(y["funding_eur"], lang), num(y["links"], lang))
        out.print(t)
        g = "–" if res["growth"] is None else num(100 * res["growth"], lang, 1) + "%"
        out.print(Text.assemble(f"{ct('stage', lang)}: ", (ct('stage_' + res['stage'], lang), "bold"),
                                f" (growth vs {ct('refname_' + res['reference'], lang)}: {g}; "
                                f"newcomer share {num(res['newcomer_share'], lang, 2) if res['newcomer_share'] is not None else '–'})"))
        out.print(ct("stage_rule", lang) + ": " + res["rule"], style="dim", highlight=False)
        out.print(ct("partial_note", lang, years=f"{res['complete_years'][0]}–{res['complete_years'][-1]}" if res["complete_years"] else "–",
                     partial=", ".join(map(str, res["partial_years"])) or "–", last=res["last_complete_year"],
                     ramp=", ".join(map(str, res["ramp_up_years"])) or "–"), style="dim", highlight=False)

    @app.command()
    def consortium(ecosystem: str = typer.Argument(..., help="Ecosystem id"), workspace: Optional[Path] = ws_opt,
                   theme: Optional[str] = typer.Option(None, help="White spot: an H2020 programme part, e.g. SC3"),
                   actor_type: Optional[str] = typer.Option(None, "--type", help="Actor type wanted: HES REC PRC PUB OTH"),
                   challenge: Optional[int] = typer.Option(None, help="A diagnosis challenge (1-10) as the white spot"),
                   eu: bool = typer.Option(False, "--eu", help="EU-wide candidates instead of Dutch ones"),
                   limit: int = typer.Option(20, help="Candidates to list"),
                   lang: str = typer.Option("en"), as_json: bool = typer.Option(False, "--json")):
        """Rank candidate partners for a white spot by fit, each with its evidence."""
        from innovatlas.connect.consortium import candidates

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                res = candidates(ws, ecosystem, theme=theme, actor_type=actor_type, challenge=challenge,
                                 where="eu" if eu else "nl", limit=limit, lang=lang)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            _dump(res)
            return
        t = Table("#", ct("organisation", lang), "type", "place", ct("score", lang),
                  ct("theme_projects", lang), ct("members_tied", lang), ct("common_partners", lang), "cos",
                  title=f"{ct('consortium', lang)}: {res['ecosystem_name']} · {res['theme'] or ''} {res['actor_type'] or ''}")
        for r in res["items"]:
            e = r["evidence"]
            t.add_row(str(r["rank"]), r["label"][:45], r["activity_type"] or "", r["municipality"] or r["country"] or "",
                      num(r["fit"], lang, 3), num(e["theme_projects"], lang), num(e["members_worked_with"], lang),
                      num(e["common_partners"], lang), "–" if e["profile_cosine"] is None else num(e["profile_cosine"], lang, 2))
        out.print(t if res["items"] else ct("no_candidates", lang))
        out.print(f"{ct('weights', lang)}: {res['weights']}; pool {res['pool']}", style="dim", highlight=False)
