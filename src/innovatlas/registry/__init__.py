"""Organisation registry (issue 14): one organisation across every source.

:func:`build_registry` (run after every ROR or CORDIS import, inside its transaction, and by
``innovatlas matches run``) resolves CORDIS organisations against ROR records
(:mod:`innovatlas.registry.resolve`), applies the review decisions, and derives:

``registry_org``
    one row per organisation: key ``ror:<id>`` when a ROR record is linked, else
    ``pic:<pic>``; name (ROR's display name, else the CORDIS name), type, location,
    parent (ROR ``parent`` relationship), participations summed over all its PICs, and
    ``basis`` (how its records were joined).
``registry_identifier``
    every identifier: ``ror``, ``pic`` (per framework programme it appears in), the external
    ids ROR gives (grid, isni, wikidata, fundref), ``vat`` (normalised VAT numbers from the CORDIS
    files that carry them: organization.csv, the older organisations file, the Horizon Dashboard
    export) and ``openalex`` (:func:`innovatlas.registry.openalex.register_openalex_institutions`).
``registry_name``
    every name variant with its source (ROR display name, alias, label, acronym; CORDIS
    name and short name per table).
``registry_relation``
    ROR relationships (parent, child, related, successor, predecessor) between registry keys.

A PIC is linked to at most one ROR record: an accepted decision first, else its best
``matched`` candidate. Several PICs may share one ROR record (one organisation). PICs with
the same VAT number are one organisation (deterministic): a PIC without a ROR link takes the
ROR record of the PICs sharing its VAT number when they name exactly one, and PICs of one VAT
number without any ROR record are one organisation keyed by the lowest PIC.
"""

from __future__ import annotations

from innovatlas.store import Workspace
from innovatlas.store.queries import registry as Q

__all__ = ["build_registry", "derive_registry", "org_key_of_pic", "registry_summary"]


def build_registry(ws: Workspace) -> dict:
    """Resolve and derive the registry tables (call inside a transaction)."""
    from innovatlas.registry.resolve import resolve_cordis_ror

    from innovatlas.registry.coverage import place_from_registry

    counts = resolve_cordis_ror(ws)
    derive_registry(ws)
    if ws.scalar(Q.COUNT_ORG_MATCH):
        counts["placed through ROR"] = place_from_registry(ws)
    if ws.scalar(Q.COUNT_USER_ACTOR):  # the user's own actors follow the registry keys
        from innovatlas.registry.actors import resolve_actors

        counts.update({f"actors {k}": v for k, v in resolve_actors(ws).items()})
    return counts


def derive_registry(ws: Workspace) -> None:
    for t in ("registry_org", "registry_identifier", "registry_name", "registry_relation"):
        ws.execute(Q.clear_table(t))
    ws.execute(Q.LINKS_TEMP)
    ws.execute(Q.VAT_LEADS_TEMP)  # PICs sharing a VAT number without a ROR record: one organisation 'pic:<lowest>'
    # An organisation's key is 'ror:<id>' when it has a ROR link, else 'pic:<pic>'; the statements below take it
    # from the few links instead of materialising a key for every organisation (issue 20).
    ws.execute(Q.DERIVE_ORG)
    ws.execute(Q.DERIVE_IDENTIFIER_ROR)
    # The PIC identifiers, one statement per source (their sources differ, so no row is in both).
    for q in Q.DERIVE_IDENTIFIER_PIC:
        ws.execute(q)
    ws.execute(Q.DERIVE_IDENTIFIER_VAT)
    ws.execute(Q.DERIVE_NAME_ROR)
    # names and short names in one statement each (their kinds differ, so no row is in both), one DISTINCT each
    for q in Q.DERIVE_NAME_CORDIS:
        ws.execute(q)
    ws.execute(Q.DERIVE_RELATION)
    if ws.scalar(Q.COUNT_OPENALEX):  # OpenAlex institutions (innovatlas.registry.openalex), by ROR id
        ws.execute(Q.DERIVE_ORG_OPENALEX)
        ws.execute(Q.DERIVE_IDENTIFIER_OPENALEX)
        ws.execute(Q.DERIVE_NAME_OPENALEX)
    ws.execute(Q.drop_table("_links"))
    ws.execute(Q.drop_table("_vlead"))


def org_key_of_pic(ws: Workspace, pic: int) -> str | None:
    return ws.scalar(Q.ORG_KEY_OF_PIC(str(pic)))


def registry_summary(ws: Workspace) -> dict:
    """Counts for the CLI and reports."""
    r = ws.dicts(Q.SUMMARY)[0]
    return r
