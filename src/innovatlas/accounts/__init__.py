"""Accounts and roles (issue 12): who may read and who may change what, in the workspace itself.

Users
    Stored in the workspace (``app_user``, ``user_role``), managed with ``innovatlas users
    add|list|role|remove|passwd``. Passwords are hashed with argon2id (argon2-cffi, its
    RFC 9106 low-memory defaults); the hash is re-computed when argon2-cffi's parameters change.
Roles, per ecosystem (``*`` = every ecosystem)
    ``admin`` (everything, on every ecosystem), ``editor`` (enter and change that ecosystem's
    inputs, targets, definition, alerts, assessments and snapshots), ``viewer`` (read).
    Every logged-in user reads the dashboard as the public does: confidential cells only as
    disclosure control allows. *Decision*: an editor of an ecosystem also sees that ecosystem's
    raw inputs, on its edit page and in its edit history only (they entered them and must see
    what they replace); admins see every ecosystem's. No other page, export or API route shows
    a raw confidential value to anyone.
Without users
    The app is what it always was: read-only, on 127.0.0.1 (``serve`` refuses another address
    with a clear message, :func:`check_bind`). With at least one user the workspace is opened
    for writing and every page asks for a login.
Sessions
    A signed cookie (itsdangerous, with a secret generated once and kept in the workspace's
    ``meta``): HttpOnly, SameSite=Strict, Secure unless served on a loopback address, valid
    8 hours. It carries the user, the user's password epoch (``passwd`` and ``remove`` end
    every session of that user) and the CSRF token, which every state-changing request must
    send back (form field ``csrf`` or header ``X-CSRF-Token``). Logging out drops the cookie.
Login throttling
    In memory, per server process (a restart forgets it): per account and per client address,
    after 3 failures every further attempt waits 2^(failures-3) seconds (at most 15 minutes);
    a success clears the account's and the address's count. Refused attempts answer 429 with
    ``Retry-After``.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innovatlas.errors import InnovatlasError, InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import accounts as Q

__all__ = ["ROLES", "User", "enabled", "check_bind", "add_user", "list_users", "set_role", "remove_user",
           "set_password", "authenticate", "load_user", "Throttle", "secret_key", "LOOPBACK", "msg"]

ROLES = ("admin", "editor", "viewer")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_USERNAME = __import__("re").compile(r"^[a-z0-9][a-z0-9._@-]{1,62}$")

#: every message of accounts and editing, in English and Dutch
MESSAGES: dict[str, tuple[str, str]] = {
    "login": ("Log in", "Inloggen"),
    "logout": ("Log out", "Uitloggen"),
    "username": ("User name", "Gebruikersnaam"),
    "password": ("Password", "Wachtwoord"),
    "bad_login": ("Unknown user name or wrong password.", "Onbekende gebruikersnaam of verkeerd wachtwoord."),
    "throttled": ("Too many failed attempts: try again in {s} seconds.",
                  "Te veel mislukte pogingen: probeer het over {s} seconden opnieuw."),
    "need_login": ("Log in to use innovatlas.", "Log in om innovatlas te gebruiken."),
    "forbidden": ("You may not do this: your role does not allow changing {eco}.",
                  "Dit mag u niet: uw rol staat niet toe {eco} te wijzigen."),
    "csrf": ("The form has expired or did not come from this site (missing or wrong CSRF token): reload the page "
             "and try again.",
             "Het formulier is verlopen of kwam niet van deze site (CSRF-token ontbreekt of klopt niet): laad de pagina "
             "opnieuw en probeer het nog eens."),
    "conflict": ("Someone else saved this in the meantime: the value now stored is {now}; yours was {mine}. "
                 "Nothing was overwritten: check the stored value and save again if yours should replace it.",
                 "Iemand anders heeft dit intussen opgeslagen: de opgeslagen waarde is nu {now}; de uwe was {mine}. "
                 "Er is niets overschreven: bekijk de opgeslagen waarde en sla opnieuw op als de uwe die moet vervangen."),
    "saved": ("Saved.", "Opgeslagen."),
    "undone": ("Undone: the previous value is back.", "Ongedaan gemaakt: de vorige waarde is terug."),
    "undo": ("Undo", "Ongedaan maken"),
    "edit": ("Edit", "Bewerken"),
    "save": ("Save", "Opslaan"),
    "history": ("Edit history", "Wijzigingsgeschiedenis"),
    "values": ("Indicator values", "Indicatorwaarden"),
    "qualitative": ("Qualitative entries", "Kwalitatieve beschrijvingen"),
    "targets": ("Targets", "Streefwaarden"),
    "errors": ("The form has errors: nothing was saved.", "Het formulier bevat fouten: er is niets opgeslagen."),
    "snapshots": ("Monitoring cycles (snapshots)", "Monitoringscycli (momentopnamen)"),
    "snapshot_take": ("Take a snapshot", "Momentopname maken"),
    "label": ("Label", "Label"),
    "compare": ("Compare", "Vergelijken"),
    "alerts": ("Change alerts", "Signaleringen"),
    "community": ("Learning community", "Lerende gemeenschap"),
    "signed_in_as": ("Logged in as", "Ingelogd als"),
    "editor_raw": ("As editor of this ecosystem you see its raw inputs, confidential ones included; they are "
                   "shown nowhere else.",
                   "Als redacteur van dit ecosysteem ziet u de ruwe invoer, ook vertrouwelijke; die staat nergens anders."),
    "no_rights": ("Your account has no role on this ecosystem.", "Uw account heeft geen rol bij dit ecosysteem."),
    "new": ("new", "nieuw"),
    "removed": ("removed", "verwijderd"),
    "withheld": ("withheld (disclosure control)", "afgeschermd (onthullingscontrole)"),
    "not_in_data": ("not in the data", "niet in de data"),
}


def msg(key: str, lang: str = "en", **kw: Any) -> str:
    en, nl = MESSAGES[key]
    return (nl if lang == "nl" else en).format(**kw)


class AccountError(InnovatlasError):
    exit_code = 2


@dataclass
class User:
    username: str
    epoch: int
    roles: dict[str, str] = field(default_factory=dict)  # ecosystem id or '*' -> role

    @property
    def is_admin(self) -> bool:
        return self.roles.get("*") == "admin"

    def role_on(self, eco_id: str) -> str | None:
        if self.is_admin:
            return "admin"
        own = self.roles.get(eco_id)
        anywhere = self.roles.get("*")
        for role in ("admin", "editor", "viewer"):
            if role in (own, anywhere):
                return role
        return None

    def can_edit(self, eco_id: str) -> bool:
        return self.role_on(eco_id) in ("admin", "editor")

    def editable(self, eco_ids: list[str]) -> list[str]:
        return [e for e in eco_ids if self.can_edit(e)]


def _has_tables(ws: Workspace) -> bool:
    return bool(ws.scalar(Q.HAS_USER_TABLE))


def user_count(ws: Workspace) -> int:
    return int(ws.scalar(Q.USER_COUNT)) if _has_tables(ws) else 0


def enabled(path: str | Path) -> bool:
    """Whether the workspace has accounts (then the app opens it for writing and asks for a login)."""
    if str(path) == ":memory:" or not Path(path).exists():
        return False
    try:
        ws = Workspace(path, read_only=True)
    except InnovatlasError:
        return False
    try:
        return user_count(ws) > 0
    finally:
        ws.close()


def check_bind(path: str | Path, host: str) -> None:
    """Refuse to serve on a non-loopback address without accounts (the app would be open to the network)."""
    if host in LOOPBACK or host.startswith("127."):
        return
    if not enabled(path):
        raise AccountError(
            f"refusing to serve on {host}: workspace {path} has no accounts, so anyone who can reach {host} could "
            f"read everything. Add an admin first ('innovatlas users add NAME --role admin -w {path}') or serve on "
            f"127.0.0.1 (this machine only). / Geweigerd: zonder accounts serveert innovatlas alleen op 127.0.0.1.")


# -- passwords ------------------------------------------------------------------------------------------------------
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def _check_password(password: str) -> None:
    if len(password) < 10:
        raise AccountError("the password is too short: use at least 10 characters "
                           "(het wachtwoord is te kort: gebruik minstens 10 tekens)")


def _check_name(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise AccountError(f"'{username}' is not a valid user name: use 2-63 lower-case letters, digits, '.', '_', "
                           "'-' or '@', starting with a letter or digit")
    return name


def _check_role(ws: Workspace, role: str, ecosystem: str) -> None:
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}': use one of {', '.join(ROLES)}")
    if role == "admin" and ecosystem != "*":
        raise AccountError("admin is a role on every ecosystem: leave out --ecosystem (or use '*')")
    if ecosystem != "*":
        from innovatlas.store.queries import inputs as QI

        if not ws.scalar(QI.ECOSYSTEM_EXISTS(ecosystem)):
            from innovatlas.errors import UnknownEcosystem

            raise UnknownEcosystem(ecosystem, [r[0] for r in ws.rows(QI.ECOSYSTEM_IDS)])


def secret_key(ws: Workspace) -> str:
    """The session-signing secret, generated on first use and kept in the workspace."""
    row = ws.rows(Q.META_GET("accounts_secret"))
    if row:
        return row[0][0]
    key = secrets.token_urlsafe(48)
    ws.execute(Q.META_SET("accounts_secret", key))
    return key


def add_user(ws: Workspace, username: str, password: str, role: str = "viewer", ecosystem: str = "*") -> str:
    name = _check_name(username)
    _check_password(password)
    _check_role(ws, role, ecosystem)
    if ws.rows(Q.USER_GET(name)):
        raise AccountError(f"user '{name}' exists already: change it with 'innovatlas users role' or 'users passwd'")
    with ws.transaction():
        secret_key(ws)
        ws.execute(Q.USER_INSERT(name, _hasher().hash(password)))
        ws.execute(Q.ROLE_INSERT(name, ecosystem, role))
    return name


def _require_user(ws: Workspace, username: str) -> str:
    name = username.strip().lower()
    if not ws.rows(Q.USER_GET(name)):
        raise AccountError(f"no user '{name}': see 'innovatlas users list'")
    return name


def list_users(ws: Workspace) -> list[dict[str, Any]]:
    return ws.dicts(Q.USERS_LIST) if _has_tables(ws) else []


def set_role(ws: Workspace, username: str, role: str, ecosystem: str = "*", *, remove: bool = False) -> None:
    """Give ``username`` ``role`` on ``ecosystem`` (replacing its role there), or take that role away."""
    name = _require_user(ws, username)
    with ws.transaction():
        ws.execute(Q.ROLE_DELETE(name, ecosystem))
        if not remove:
            _check_role(ws, role, ecosystem)
            ws.execute(Q.ROLE_INSERT(name, ecosystem, role))


def remove_user(ws: Workspace, username: str) -> None:
    name = _require_user(ws, username)
    with ws.transaction():
        ws.execute(Q.ROLES_DELETE_USER(name))
        ws.execute(Q.USER_DELETE(name))


def set_password(ws: Workspace, username: str, password: str) -> None:
    name = _require_user(ws, username)
    _check_password(password)
    ws.execute(Q.USER_SET_PASSWORD(_hasher().hash(password), name))


def load_user(ws: Workspace, username: str, epoch: int | None = None) -> User | None:
    """The user with their roles, or None (unknown, or a session from before a password change)."""
    row = ws.rows(Q.USER_GET(username))
    if not row or (epoch is not None and row[0][2] != epoch):
        return None
    return User(row[0][0], row[0][2], {e: r for e, r in ws.rows(Q.ROLES_OF(username))})


_DUMMY_HASH: list[str] = []


def authenticate(ws: Workspace, username: str, password: str) -> User | None:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    name = username.strip().lower()
    row = ws.rows(Q.USER_GET(name))
    hasher = _hasher()
    if not row:  # same work as a real check, so timing does not tell which names exist
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hasher.hash(secrets.token_hex(8)))
        try:
            hasher.verify(_DUMMY_HASH[0], password)
        except (VerificationError, VerifyMismatchError, InvalidHashError):
            pass
        return None
    try:
        hasher.verify(row[0][1], password)
    except (VerificationError, VerifyMismatchError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(row[0][1]):
        try:
            ws.execute(Q.USER_SET_PASSWORD(hasher.hash(password), name))
        except Exception:  # noqa: BLE001 - a read-only moment: rehash next time
            pass
        return load_user(ws, name)
    return load_user(ws, name)


class Throttle:
    """Exponential back-off of failed logins, per account and per client address (in memory)."""

    FREE = 3
    MAX_WAIT = 900.0

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.failures: dict[str, tuple[int, float]] = {}
        self.lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        """Seconds to wait before the next attempt for any of ``keys`` (0 = go)."""
        now = self.clock()
        with self.lock:
            return max([0.0] + [max(0.0, self.failures[k][1] - now) for k in keys if k in self.failures])

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self.lock:
            for k in keys:
                n = self.failures.get(k, (0, 0.0))[0] + 1
                delay = 0.0 if n < self.FREE else min(self.MAX_WAIT, 2.0 ** (n - self.FREE))
                self.failures[k] = (n, now + delay)

    def succeeded(self, *keys: str) -> None:
        with self.lock:
            for k in keys:
                self.failures.pop(k, None)


def validate_password_input(password: str) -> None:
    """Raise InputError (for forms) when a password is too short."""
    if len(password) < 10:
        raise InputError("the password is too short", field="password", hint="use at least 10 characters")
