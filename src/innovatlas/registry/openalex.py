"""OpenAlex institutions in the organisation registry (issue 14), for the OpenAlex importer to call.

:func:`register_openalex_institutions` takes ``(openalex_id, ror, name, country, type)`` rows (tuples or
dicts with those keys; ids as OpenAlex and ROR write them, with or without ``https://openalex.org/`` and
``https://ror.org/``) and attaches each as identifier scheme ``openalex``:

* to the registered organisation of its ROR id (``ror:<id>``): deterministic, no name matching. When the
  workspace's ROR files lack that record, the organisation is created as ``ror:<id>`` from what OpenAlex
  says (basis ``openalex only (ROR id from OpenAlex)``), so a later ROR import or a CORDIS match joins it;
* without a ROR id, as a registry entry of its own, ``openalex:<id>`` (basis ``openalex only``, no PIC).

The institutions are kept in ``openalex_institution`` (the latest registration of an id wins), so every
later re-derivation of the registry attaches them again. Call it inside the importer's transaction
(it opens one when none is open). Returns counts and the registry key of every institution.

>>> # in the OpenAlex importer, per work page:
>>> # register_openalex_institutions(ws, [(i["id"], i.get("ror"), i["display_name"], i.get("country_code"), i.get("type"))
>>> #                                      for w in works for a in w["authorships"] for i in a["institutions"]])
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from innovatlas.errors import InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import registry as Q

__all__ = ["register_openalex_institutions", "openalex_id", "FIELDS"]

FIELDS = ("openalex_id", "ror", "name", "country", "type")
_OA = re.compile(r"^(?:https?://openalex\.org/)?([Ii]\d+)$")


def openalex_id(value: str) -> str | None:
    """``https://openalex.org/I913481162`` -> ``I913481162`` (None when it is no institution id)."""
    m = _OA.match(str(value or "").strip())
    return m.group(1).upper() if m else None


def _row(r: Sequence[Any] | Mapping[str, Any]) -> tuple:
    if isinstance(r, Mapping):
        return tuple(r.get(k) if k != "openalex_id" else (r.get("openalex_id") or r.get("id")) for k in FIELDS)
    return tuple(r) + (None,) * (len(FIELDS) - len(r))


def register_openalex_institutions(ws: Workspace, rows: Iterable[Sequence[Any] | Mapping[str, Any]], *,
                                   source: str = "openalex") -> dict[str, Any]:
    """Attach OpenAlex institutions to the registry by ROR id, or register them on their own (see the module)."""
    from innovatlas.registry import derive_registry
    from innovatlas.registry.ror_records import _bare, is_ror_id

    ids, rors, names, countries, types = [], [], [], [], []
    for i, r in enumerate(rows, start=1):
        oa, ror, name, country, typ = _row(r)[:5]
        bare = openalex_id(oa)
        if bare is None:
            raise InputError(f"'{oa}' is not an OpenAlex institution id", row=i, field="openalex_id",
                             hint="an institution id looks like I913481162 or https://openalex.org/I913481162")
        ror_id = _bare(ror) if ror else None
        if ror_id and not is_ror_id(ror_id):
            raise InputError(f"'{ror}' is not a ROR id", row=i, field="ror",
                             hint="a ROR id looks like 02e2c7k09 or https://ror.org/02e2c7k09; leave it empty when unknown")
        if not (name and str(name).strip()):
            raise InputError("the institution has no name", row=i, field="name", hint="give OpenAlex's display_name")
        ids.append(bare)
        rors.append(ror_id)
        names.append(str(name).strip())
        countries.append((country or None) and str(country).upper())
        types.append(typ or None)
    if not ids:
        return {"institutions": 0, "attached": 0, "created": 0, "keys": {}}
    with ws.transaction():
        ws.execute(Q.UPSERT_OPENALEX(source, ids, rors, names, countries, types))
        derive_registry(ws)
        status = ws.dicts(Q.OPENALEX_STATUS(sorted(set(ids))))
    created = sum(1 for s in status if (s["basis"] or "").startswith("openalex only"))
    return {"institutions": len(status), "attached": len(status) - created, "created": created,
            "keys": {s["openalex_id"]: s["org_key"] for s in status}}
