"""What the web app does to every request and response before the routes see it (issue 13, point 4).

One pure-ASGI middleware, :class:`Hardening`, so that every response (pages, API, static files,
errors, redirects) gets the same treatment:

* security headers (:data:`SECURITY_HEADERS`): a Content-Security-Policy that allows scripts only
  from the app itself (the templates have no inline ``<script>`` and no ``on...=`` handlers; the
  network page loads ``/static/network.js``), ``X-Content-Type-Options: nosniff``,
  ``frame-ancestors 'none'`` plus ``X-Frame-Options: DENY``, ``Referrer-Policy: same-origin``;
* a request-body limit (:data:`MAX_BODY_BYTES`, 1 MiB: the app is read-only, no route takes a
  body): a larger ``Content-Length`` (or a streamed body that grows past it) gets ``413``;
* redirects never name a host: a ``Location`` with a scheme and host (Starlette's trailing-slash
  redirect builds it from the request's ``Host`` header) is rewritten to the path and query only;
* ``HEAD`` is answered as ``GET`` without the body (FastAPI routes declare ``GET`` only).

Host validation itself is Starlette's ``TrustedHostMiddleware`` (see :func:`allowed_hosts`),
added by ``innovatlas serve``.
"""

from __future__ import annotations

import json
import re
import socket
import unicodedata
from typing import Any, Iterable
from urllib.parse import urlsplit

__all__ = ["Hardening", "SECURITY_HEADERS", "CSP", "MAX_BODY_BYTES", "allowed_hosts", "attachment", "safe_filename"]

MAX_BODY_BYTES = 1024 * 1024  # 1 MiB; the API is read-only (GET), so no legitimate request comes near it

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}
_RAW_HEADERS = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
_NAMES = {k.encode("latin-1") for k in SECURITY_HEADERS}


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> list[str]:
    """Host names the server answers to: loopback, the address it binds and any given; when it binds every
    interface (0.0.0.0 or ::), also this machine's name and addresses."""
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"]
    if bind_host in ("0.0.0.0", "::", ""):
        name = socket.gethostname()
        hosts += [name, socket.getfqdn()]
        try:
            hosts += socket.gethostbyname_ex(name)[2]
        except OSError:
            pass
    else:
        hosts.append(bind_host)
    hosts += [h.strip() for h in extra if h.strip()]
    return list(dict.fromkeys(hosts))


def safe_filename(name: str, fallback: str = "download") -> str:
    """An ASCII file name without path separators, quotes, control characters or leading dots
    (``../../etc/x"\r\n`` -> ``etc_x``): letters, digits, ``.``, ``-`` and ``_`` only."""
    ascii_ = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_)
    cleaned = re.sub(r"_{2,}", "_", re.sub(r"\.{2,}", ".", cleaned)).strip("._-")
    return cleaned[:150] or fallback


def attachment(name: str) -> dict[str, str]:
    """The Content-Disposition header of a download: a safe ASCII ``filename`` and the name in UTF-8
    (``filename*``, RFC 6266 / 5987) with every separator, quote and control character removed."""
    from urllib.parse import quote

    plain = safe_filename(name)
    utf8 = re.sub(r"[\x00-\x1f\x7f/\\\"]+", "_", unicodedata.normalize("NFC", str(name))).strip(" ._") or plain
    return {"Content-Disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(utf8[:150], safe='')}"}


def _relative(location: bytes) -> bytes:
    parts = urlsplit(location.decode("latin-1"))
    if not (parts.scheme or parts.netloc):
        return location
    path = "/" + parts.path.lstrip("/")  # never '//host': that would be a host again
    return (path + ("?" + parts.query if parts.query else "")).encode("latin-1")


class Hardening:
    """Pure ASGI middleware (see the module docstring); wraps the whole app, outermost."""

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        length = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._too_large(head, send, bad=not length.isdigit())
            return

        upstream = receive
        if length is None and any(k == b"transfer-encoding" for k, _v in scope["headers"]):
            # a streamed body of unknown length: read it (up to the limit) before any route sees the request
            body, more = b"", True
            while more:
                message = await upstream()
                if message["type"] != "http.request":
                    return  # the client went away
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await self._too_large(head, send)
                    return
            pending = [{"type": "http.request", "body": body, "more_body": False}]

            async def receive():  # the body once, then whatever the server says next (e.g. disconnect)
                return pending.pop() if pending else await upstream()

        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge
            return message

        started = False

        async def wrapped_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                if 300 <= message["status"] < 400:
                    headers = [(k, _relative(v) if k.lower() == b"location" else v) for k, v in headers]
                message = dict(message, headers=headers + _RAW_HEADERS)
            elif message["type"] == "http.response.body" and head:
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        try:
            await self.app(scope, limited_receive, wrapped_send)
        except _BodyTooLarge:
            if not started:
                await self._too_large(head, send)

    async def _too_large(self, head: bool, send, bad: bool = False) -> None:
        status = 400 if bad else 413
        msg = ("invalid Content-Length" if bad else
               f"request body too large: at most {self.max_body:,} bytes (this API is read-only and takes no bodies)")
        body = json.dumps({"error": msg, "status": status}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")] + _RAW_HEADERS})
        await send({"type": "http.response.body", "body": b"" if head else body})


class _BodyTooLarge(Exception):
    pass
