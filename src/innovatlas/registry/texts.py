"""The registry's words in English and Dutch (issue 14): coverage lines, match statuses and methods, CLI output.

Strings live in :data:`innovatlas.report.i18n.STRINGS` (keys ``reg_*``); numbers go through Babel
(:func:`innovatlas.report.labels.number` / ``percent``), so ``1,084`` is ``1.084`` and ``52.6%`` is ``52,6%``
in Dutch.
"""

from __future__ import annotations

from innovatlas.report.i18n import t
from innovatlas.report.labels import number, percent

__all__ = ["coverage_lines", "status_label", "method_label", "LANGS"]

LANGS = ("en", "nl")

#: fragments of the matcher's method texts, in Dutch (longest first)
_METHOD_NL = [
    ("fuzzy name (rapidfuzz ratio on sorted tokens)", "fuzzy naam (rapidfuzz-ratio op gesorteerde woorden)"),
    ("(one name holds all words of the other)", "(de ene naam bevat alle woorden van de andere)"),
    ("(without the city name)", "(zonder plaatsnaam)"),
    ("deterministic: same VAT number as a PIC linked to ROR", "vast: hetzelfde btw-nummer als een PIC met ROR-koppeling"),
    ("deterministic: same VAT number", "vast: hetzelfde btw-nummer"),
    ("deterministic: PIC given", "vast: PIC opgegeven"),
    ("deterministic: ROR id given", "vast: ROR-id opgegeven"),
    ("deterministic: VAT number given", "vast: btw-nummer opgegeven"),
    ("exact normalised name", "gelijke genormaliseerde naam"),
    ("review decision", "besluit"),
    ("+ web domain", "+ webdomein"),
    ("+ acronym", "+ afkorting"),
    ("+ city", "+ plaats"),
]


def status_label(status: str, lang: str = "en") -> str:
    return t(f"reg_status_{status}", lang) if status in ("matched", "uncertain", "accepted", "rejected") else status


def method_label(method: str | None, lang: str = "en") -> str:
    """The matcher's method text in the language (English as stored)."""
    out = method or ""
    if lang == "nl":
        for en, nl in _METHOD_NL:
            out = out.replace(en, nl)
    return out


def _source(name: str, lang: str) -> str:
    if name == "not named by any source":
        return t("reg_not_named", lang)
    if name == "not placed":
        return t("reg_not_placed", lang)
    from innovatlas.report.labels import placement_label

    return placement_label(name, lang) if lang == "nl" else name


def coverage_lines(cov: dict, lang: str = "en") -> list[str]:
    """:func:`innovatlas.registry.coverage.registry_coverage` as lines: before and after resolution, then per source."""
    n = lambda v: number(v, lang)  # noqa: E731
    pct = lambda v: t("reg_not_in_data", lang) if v is None else percent(v, lang)  # noqa: E731
    lines = [t("reg_line_total", lang, n=n(cov["dutch_organisations"]), p=n(cov["participations"]))]
    for stage in ("before", "after"):
        s = cov["before_after"][stage]
        lines.append(t("reg_line_stage", lang, stage=t(f"reg_{stage}", lang), n=n(s["organisations"]),
                       nn=n(s["named_organisations"]), sn=pct(s["share_named_organisations"]),
                       np=n(s["named_participations"]), sp=pct(s["share_named_participations"]),
                       pn=n(s["placed_organisations"]), spn=pct(s["share_placed_organisations"]),
                       pp=n(s["placed_participations"]), spp=pct(s["share_placed_participations"])))
    after = cov["before_after"]["after"]
    lines.append(t("reg_line_linked", lang, n=n(after["linked_to_ror_organisations"]), p=n(after["linked_to_ror_participations"])))
    def src(what: str, name: str) -> tuple[str, str]:
        if name in ("not named by any source", "not placed"):  # the label says it all
            return "", _source(name, lang)
        return t(what, lang), _source(name, lang)

    lines += [t("reg_line_source", lang, **dict(zip(("what", "source"), src("reg_named_by", r["named_by"]))),
                n=n(r["organisations"]), p=n(r["participations"])).replace("   ", "  ") for r in cov["named"]["by_source"]]
    lines += [t("reg_line_source", lang, **dict(zip(("what", "source"), src("reg_placed_by", r["placed_by"]))),
                n=n(r["organisations"]), p=n(r["participations"])).replace("   ", "  ") for r in cov["placed"]["by_method"]]
    return lines + [t("reg_unnamed_note", lang)]
