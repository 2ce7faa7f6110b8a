"""``innovatlas users add|list|role|remove|passwd``, ``innovatlas snapshot``, ``innovatlas monitor`` and
``innovatlas package export|import`` (issue 12), registered on the main app by :func:`register`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.table import Table

from innovatlas.errors import InnovatlasError
from innovatlas.store import Workspace

__all__ = ["register"]


def _password(given: Optional[str]) -> str:
    if given:
        return given
    env = os.environ.get("INNOVATLAS_PASSWORD")
    if env:
        return env
    return typer.prompt("password / wachtwoord", hide_input=True, confirmation_prompt=True)


def register(app: typer.Typer, *, out, fail: Callable, ws_opt, ws_path: Callable[[Optional[Path]], Path]) -> None:
    from innovatlas import accounts as A

    users = typer.Typer(no_args_is_help=True, help="Accounts and roles (admin, editor, viewer per ecosystem).")
    app.add_typer(users, name="users")
    pw_help = "Password (default: $INNOVATLAS_PASSWORD, else asked for without echo)"

    @users.command("add")
    def users_add(username: str = typer.Argument(...), workspace: Optional[Path] = ws_opt,
                  role: str = typer.Option("viewer", help="admin | editor | viewer"),
                  ecosystem: str = typer.Option("*", help="Ecosystem id the role applies to ('*' = all)"),
                  password: Optional[str] = typer.Option(None, help=pw_help)):
        """Add a user with a role (on one ecosystem or all)."""
        try:
            with Workspace(ws_path(workspace)) as ws:
                name = A.add_user(ws, username, _password(password), role, ecosystem.lower())
            out.print(f"user {name} added: {role} on {ecosystem}", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @users.command("list")
    def users_list(workspace: Optional[Path] = ws_opt):
        """List the users and their roles."""
        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                rows = A.list_users(ws)
        except InnovatlasError as exc:
            fail(exc)
        if not rows:
            out.print("no users: the dashboard is read-only on 127.0.0.1 (geen gebruikers: alleen-lezen)")
            return
        table = Table("user", "roles", "created")
        for r in rows:
            table.add_row(r["username"], r["roles"] or "-", r["created_at"].isoformat(timespec="seconds"))
        out.print(table)

    @users.command("role")
    def users_role(username: str = typer.Argument(...), role: str = typer.Argument(..., help="admin | editor | viewer"),
                   workspace: Optional[Path] = ws_opt,
                   ecosystem: str = typer.Option("*", help="Ecosystem id ('*' = all)"),
                   remove: bool = typer.Option(False, "--remove", help="Take the role on that ecosystem away")):
        """Give a user a role on an ecosystem (replaces the role there), or take it away."""
        try:
            with Workspace(ws_path(workspace)) as ws:
                A.set_role(ws, username, role, ecosystem.lower(), remove=remove)
            out.print(f"{username}: {'removed role on' if remove else role + ' on'} {ecosystem}", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @users.command("remove")
    def users_remove(username: str = typer.Argument(...), workspace: Optional[Path] = ws_opt):
        """Remove a user (their sessions end; their edits stay in the history)."""
        try:
            with Workspace(ws_path(workspace)) as ws:
                A.remove_user(ws, username)
            out.print(f"user {username} removed", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @users.command("passwd")
    def users_passwd(username: str = typer.Argument(...), workspace: Optional[Path] = ws_opt,
                     password: Optional[str] = typer.Option(None, help=pw_help)):
        """Set a user's password (every session of the user ends)."""
        try:
            with Workspace(ws_path(workspace)) as ws:
                A.set_password(ws, username, _password(password))
            out.print(f"password of {username} changed", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @app.command("snapshot")
    def snapshot_cmd(ecosystem: str = typer.Argument(...), label: str = typer.Option(..., help="e.g. 2026"),
                     workspace: Optional[Path] = ws_opt,
                     by: str = typer.Option("cli", help="Who takes it (stored with the snapshot)")):
        """Freeze an ecosystem's indicators, inputs, diagnosis, members and network figures (a monitoring cycle)."""
        from innovatlas.cycles import take_snapshot

        try:
            with Workspace(ws_path(workspace)) as ws:
                s = take_snapshot(ws, ecosystem.lower(), label, by)
            out.print(f"snapshot '{label}' of {ecosystem}: {s['indicators']} indicator values, {s['inputs']} inputs, "
                      f"{s['findings']} verdicts, {s['members']} members", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @app.command("monitor")
    def monitor_cmd(ecosystem: str = typer.Argument(...), workspace: Optional[Path] = ws_opt,
                    since: Optional[str] = typer.Option(None, help="Snapshot label to compare with (default: the latest)"),
                    to: Optional[str] = typer.Option(None, "--to", help="Second snapshot label (default: now)"),
                    threshold: Optional[float] = typer.Option(None, help="Set the ecosystem's indicator threshold (0.1 = 10 %)"),
                    export: Optional[Path] = typer.Option(None, help="Write the alerts as .csv or .xlsx"),
                    lang: str = typer.Option("en", help="nl or en"),
                    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables")):
        """Change alerts: what moved beyond the ecosystem's thresholds since a snapshot, and progress to targets."""
        from innovatlas.cycles import alerts, export_alerts, set_thresholds
        from innovatlas.monitor import progress_to_targets

        eco = ecosystem.lower()
        try:
            with Workspace(ws_path(workspace), read_only=threshold is None) as ws:
                if threshold is not None:
                    set_thresholds(ws, eco, indicator_pct=threshold, by="cli")
                res = alerts(ws, eco, since=since, to=to, lang=lang)
                progress = progress_to_targets(ws, eco, lang)
                if export:
                    export_alerts(res, export)
        except InnovatlasError as exc:
            fail(exc)
        if as_json:
            import json

            out.print_json(json.dumps({"alerts": res, "targets": progress}, default=str))
            return
        out.print(res["heading"], highlight=False)
        table = Table("kind", "what", "from", "to", "change")
        for a in res["items"]:
            table.add_row(a["kind"], a["what"], a["from"], a["to"], a["change"])
        out.print(table if res["items"] else ("no alerts" if lang == "en" else "geen signaleringen"))
        if progress:
            t2 = Table("target", "latest", "target value", "on track")
            for p in progress:
                t2.add_row(p["label"], f"{p['latest_value']} ({p['latest_year']})", f"{p['target_value']} ({p['target_year']})",
                           "yes" if p["on_track"] else ("no" if p["on_track"] is False else "-"))
            out.print(t2)
        if export:
            out.print(f"alerts written: {export}", highlight=False)

    package = typer.Typer(no_args_is_help=True, help="Monitoring packages: share monitoring practice (no confidential values).")
    app.add_typer(package, name="package")

    @package.command("export")
    def package_export(ecosystem: str = typer.Argument(...), path: Path = typer.Argument(..., help="Output .json"),
                       workspace: Optional[Path] = ws_opt):
        """Write an ecosystem's monitoring package: definition, indicators, targets, practice, methods notes."""
        from innovatlas.community import export_package

        try:
            with Workspace(ws_path(workspace), read_only=True) as ws:
                export_package(ws, ecosystem.lower(), path)
            out.print(f"monitoring package written: {path}", highlight=False)
        except InnovatlasError as exc:
            fail(exc)

    @package.command("import")
    def package_import(path: Path = typer.Argument(...), workspace: Optional[Path] = ws_opt,
                       ecosystem: Optional[str] = typer.Option(None, help="Start this ecosystem from the package "
                                                                          "(its targets and own indicators)"),
                       definitions_out: Optional[Path] = typer.Option(None, help="Write the package's ecosystem "
                                                                                 "definition as TOML, for 'analyse --ecosystems'")):
        """Import another ecosystem's monitoring package into this workspace."""
        from innovatlas.community import import_package

        try:
            with Workspace(ws_path(workspace)) as ws:
                res = import_package(ws, path, ecosystem=ecosystem.lower() if ecosystem else None,
                                     definitions_out=definitions_out, by="cli")
            for line in res["lines"]:
                out.print(line, highlight=False)
        except InnovatlasError as exc:
            fail(exc)
