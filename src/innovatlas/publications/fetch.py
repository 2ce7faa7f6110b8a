"""``innovatlas fetch openalex``: works from the OpenAlex API as JSON Lines that ``innovatlas import openalex`` reads.

* Filter: the institutions' ROR ids (``--ror``, several allowed, ``institutions.ror:a|b``) or their country
  (``--country NL``, ``institutions.country_code``), and the publication years (``--from``/``--to``).
* Cursor paging (``cursor=*``, then ``meta.next_cursor``; 200 works a page), as the OpenAlex documentation
  prescribes for more than 10,000 results.
* The polite pool: ``mailto=<email>`` on every request and in the User-Agent (``--email``).
* Retries with exponential back-off on 429 and 5xx answers and on connection errors: the wait is the server's
  ``Retry-After`` when it sends one, else ``backoff * 2^attempt`` seconds (at most :data:`MAX_WAIT`).
* Resumable: after every page the file of works and a state file (``<name>.state.json``: query, next cursor,
  pages, works and the file's length) are written; run the same command again after an interruption and it goes
  on from the saved cursor (a page written only in part is cut off first). A finished download is not repeated.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any, Callable

from innovatlas.errors import InnovatlasError, InputError

__all__ = ["fetch_works", "build_filter", "FetchError", "API", "MAX_WAIT"]

API = "https://api.openalex.org"
PER_PAGE = 200
MAX_WAIT = 60.0


class FetchError(InnovatlasError):
    """The API could not be reached or kept failing; the download can be resumed."""


def build_filter(ror: list[str] | None = None, country: str | None = None, year_from: int | None = None,
                 year_to: int | None = None) -> str:
    """The OpenAlex ``filter`` parameter.

    >>> build_filter(ror=["https://ror.org/02e2c7k09", "04dkp9463"], year_from=2015, year_to=2020)
    'institutions.ror:02e2c7k09|04dkp9463,publication_year:2015-2020'
    >>> build_filter(country="nl", year_from=2020)
    'institutions.country_code:NL,publication_year:>2019'
    """
    parts = []
    if ror:
        ids = [r.strip().rstrip("/").rsplit("/", 1)[-1] for r in ror if r.strip()]
        bad = [r for r in ids if len(r) != 9 or not r.isalnum()]
        if bad:
            raise InputError(f"'{bad[0]}' is not a ROR id", field="--ror", hint="a ROR id has 9 characters, e.g. 02e2c7k09")
        parts.append("institutions.ror:" + "|".join(ids))
    elif country:
        if len(country.strip()) != 2 or not country.strip().isalpha():
            raise InputError(f"'{country}' is not a two-letter country code", field="--country", hint="e.g. --country NL")
        parts.append(f"institutions.country_code:{country.strip().upper()}")
    else:
        raise InputError("say which works to fetch", field="--ror / --country",
                         hint="give --ror ID (one or more) or --country NL, with --from YEAR")
    if year_from is not None and year_to is not None:
        if year_to < year_from:
            raise InputError(f"--to {year_to} is before --from {year_from}", field="--to")
        parts.append(f"publication_year:{year_from}-{year_to}")
    elif year_from is not None:
        parts.append(f"publication_year:>{year_from - 1}")
    elif year_to is not None:
        parts.append(f"publication_year:<{year_to + 1}")
    return ",".join(parts)


def fetch_works(dest: str | Path, *, ror: list[str] | None = None, country: str | None = None,
                year_from: int | None = None, year_to: int | None = None, email: str | None = None,
                base_url: str = API, per_page: int = PER_PAGE, max_retries: int = 6, backoff: float = 1.0,
                max_pages: int | None = None, progress: Callable[[str], None] | None = None,
                sleep: Callable[[float], None] = time.sleep, **_opts) -> Path:
    """Download the works matching the filter into ``dest/openalex-works-<filter hash>.jsonl``; return its path."""
    import httpx

    say = progress or (lambda _m: None)
    flt = build_filter(ror, country, year_from, year_to)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    name = "openalex-works-" + hashlib.sha256(flt.encode()).hexdigest()[:10]
    out, state_path = dest / f"{name}.jsonl", dest / f"{name}.state.json"
    state: dict[str, Any] = {"filter": flt, "cursor": "*", "pages": 0, "works": 0, "bytes": 0, "done": False}
    if state_path.exists():
        saved = json.loads(state_path.read_text(encoding="utf-8"))
        if saved.get("filter") == flt:
            state = saved
            if state.get("done"):
                say(f"already downloaded: {out} ({state['works']:,} works)")
                return out
            say(f"resuming after page {state['pages']} ({state['works']:,} works)")
    with open(out, "ab") as fh:  # drop a page written only in part before the interruption
        fh.truncate(state["bytes"])
    headers = {"User-Agent": "innovatlas (https://github.com/innovatlas; " + (f"mailto:{email})" if email else "no mailto)"),
               "Accept": "application/json"}
    total = None
    with httpx.Client(base_url=base_url, headers=headers, timeout=60.0, follow_redirects=True) as client:
        while state["cursor"] and (max_pages is None or state["pages"] < max_pages):
            params = {"filter": flt, "per-page": per_page, "cursor": state["cursor"]}
            if email:
                params["mailto"] = email
            page = _get(client, params, max_retries, backoff, sleep, say)
            results = page.get("results") or []
            total = (page.get("meta") or {}).get("count", total)
            lines = b"".join(json.dumps(w, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
                             for w in results)
            with open(out, "ab") as fh:
                fh.write(lines)
                fh.flush()
                os.fsync(fh.fileno())
            nxt = (page.get("meta") or {}).get("next_cursor")
            state.update(cursor=nxt if results else None, pages=state["pages"] + 1, works=state["works"] + len(results),
                         bytes=state["bytes"] + len(lines))
            _save(state_path, state)
            say(f"page {state['pages']}: {state['works']:,}" + (f" of {total:,}" if total else "") + " works")
    if not state["cursor"]:
        state["done"] = True
        _save(state_path, state)
    return out


def _save(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)


def _get(client, params: dict[str, Any], max_retries: int, backoff: float, sleep, say) -> dict[str, Any]:
    import httpx

    for attempt in range(max_retries + 1):
        why, wait = None, None
        try:
            r = client.get("/works", params=params)
        except httpx.HTTPError as exc:
            why = f"connection failed ({exc.__class__.__name__})"
        else:
            if r.status_code == 200:
                try:
                    return r.json()
                except ValueError:
                    why = "the answer was not JSON"
            elif r.status_code == 429 or r.status_code >= 500:
                why = f"HTTP {r.status_code}"
                ra = r.headers.get("Retry-After")
                if ra:
                    try:
                        wait = float(ra)
                    except ValueError:
                        wait = None
            else:
                raise FetchError(f"the OpenAlex API refused the request (HTTP {r.status_code}): {r.text[:200]}. "
                                 "Check the --ror / --country and year options.")
        if attempt == max_retries:
            raise FetchError(f"the OpenAlex API kept failing ({why}) after {max_retries} retries. Run the same command "
                             "again later: the download goes on from the last complete page.")
        wait = min(MAX_WAIT, wait if wait is not None else backoff * 2 ** attempt)
        say(f"{why}: waiting {wait:.1f} s before retry {attempt + 1} of {max_retries}")
        sleep(wait)
    raise AssertionError("unreachable")
