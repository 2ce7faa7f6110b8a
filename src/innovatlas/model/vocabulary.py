"""The framework's vocabulary in one table (seed 001, issue 19 item 5): every word the dashboard legend,
the templates and the API use, with its English and Dutch label.

Kinds
    ``actor_type``     the actors of seed 001 (:class:`~innovatlas.model.actors.ActorType`)
    ``activity``       the activities of seed 001 (:class:`~innovatlas.model.relations.ActivityType`)
    ``relation_type``  relations between actors (:class:`~innovatlas.model.relations.RelationType`)
    ``facility_type``  research and test facilities (:class:`FacilityType`)
    ``rule_type``      formal and informal rules (:class:`RuleType`; :data:`FORMAL_RULES` are the formal ones)
    ``value_type``     the value an ecosystem creates (:class:`ValueType`)
    ``instrument``     financing instruments of startups and scale-ups (:class:`FinanceInstrument`)
    ``stage``          the stage of a startup (:class:`VentureStage`)
    ``rule_effect``    how a rule bears on the ecosystem (:class:`RuleEffect`)

``docs/vocabulary.md`` is generated from :func:`vocabulary_markdown` (``tests/test_framework_data.py``
checks that it is current): regenerate it with
``python -c "from innovatlas.model.vocabulary import write_docs; write_docs()"``.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from innovatlas.model.actors import _LABELS as _ACTOR_LABELS
from innovatlas.model.actors import ActorType
from innovatlas.model.relations import _ACT_LABELS, _REL_LABELS, ActivityType, RelationType

__all__ = ["FacilityType", "RuleType", "FORMAL_RULES", "ValueType", "FinanceInstrument", "VentureStage", "RuleEffect",
           "VOCABULARY", "KINDS", "codes", "term", "vocabulary_rows", "vocabulary_markdown", "write_docs",
           "KNOWLEDGE_INSTITUTIONS", "SME_OR_STARTUP"]


class FacilityType(str, Enum):
    """Research and test facilities (seed 001: 'building and running facilities')."""

    RESEARCH_TEST = "research_test_facility"
    PILOT_PLANT = "pilot_plant"
    FIELDLAB = "fieldlab"
    LIVING_LAB = "living_lab"
    LARGE_INFRASTRUCTURE = "large_research_infrastructure"
    SHARED_CAMPUS = "shared_campus_facility"


class RuleType(str, Enum):
    """Rules (seed 001): formal (law, regulation, standards, IP and consortium agreements) and informal (norms, trust, culture)."""

    LAW = "law"
    REGULATION = "regulation"
    STANDARD = "standard"
    IP_AGREEMENT = "ip_agreement"
    CONSORTIUM_AGREEMENT = "consortium_agreement"
    NORM = "norm"
    TRUST = "trust"
    CULTURE = "culture"


FORMAL_RULES = frozenset({RuleType.LAW, RuleType.REGULATION, RuleType.STANDARD, RuleType.IP_AGREEMENT,
                          RuleType.CONSORTIUM_AGREEMENT})


class RuleEffect(str, Enum):
    BARRIER = "barrier"
    ENABLER = "enabler"
    NEUTRAL = "neutral"


class ValueType(str, Enum):
    """The value an ecosystem creates (seed 001)."""

    KNOWLEDGE = "knowledge"
    SKILLS = "skills"
    INNOVATION = "innovation"
    SOCIAL_INNOVATION = "social_innovation"
    ECONOMIC = "economic_value"
    BROAD_WELFARE = "broad_welfare"
    BREAKTHROUGH = "scientific_breakthrough"


class FinanceInstrument(str, Enum):
    """Financing instruments (#27 names DVI, MIT, Seed Capital, Innovatiekrediet, VFF; #28 venture capital)."""

    PRE_SEED = "pre_seed"
    SEED = "seed"
    SEED_CAPITAL = "seed_capital"       # the RVO Seed Capital scheme
    VC = "vc"
    ANGEL = "angel"
    DVI = "dvi"                         # Dutch Venture Initiative
    MIT = "mit"                         # MKB-innovatiestimulering Regio en Topsectoren
    INNOVATIEKREDIET = "innovatiekrediet"
    VFF = "vff"                         # Vroegefasefinanciering
    GRANT = "grant"
    LOAN = "loan"
    CROWDFUNDING = "crowdfunding"
    CORPORATE = "corporate"
    OTHER = "other"


#: the instruments that count as venture capital for #28
VENTURE_CAPITAL = frozenset({FinanceInstrument.SEED, FinanceInstrument.VC, FinanceInstrument.DVI})
#: the public instruments #27 names (RVO schemes)
PUBLIC_INSTRUMENTS = frozenset({FinanceInstrument.DVI, FinanceInstrument.MIT, FinanceInstrument.SEED_CAPITAL,
                                FinanceInstrument.INNOVATIEKREDIET, FinanceInstrument.VFF})


class VentureStage(str, Enum):
    IDEA = "idea"
    PRE_SEED = "pre_seed"
    SEED = "seed"
    EARLY = "early_growth"
    GROWTH = "growth"
    LATE = "late"
    EXITED = "exited"
    CLOSED = "closed"


#: actor types that count as knowledge institutions (spin-off parents, #21's knowledge-institution users)
KNOWLEDGE_INSTITUTIONS = frozenset(t.value for t in ActorType if t.helix == "university")
#: actor types #21 flags as SMEs and startups
SME_OR_STARTUP = frozenset({ActorType.SME.value, ActorType.STARTUP.value})

_L = {
    "facility_type": {
        FacilityType.RESEARCH_TEST: ("Research or test facility", "Onderzoeks- of testfaciliteit"),
        FacilityType.PILOT_PLANT: ("Pilot plant", "Proeffabriek (pilotplant)"),
        FacilityType.FIELDLAB: ("Fieldlab", "Fieldlab"),
        FacilityType.LIVING_LAB: ("Living lab", "Living lab (proeftuin)"),
        FacilityType.LARGE_INFRASTRUCTURE: ("Large research infrastructure", "Grootschalige onderzoeksinfrastructuur"),
        FacilityType.SHARED_CAMPUS: ("Shared campus facility", "Gedeelde campusfaciliteit"),
    },
    "rule_type": {
        RuleType.LAW: ("Law", "Wet"),
        RuleType.REGULATION: ("Regulation", "Regelgeving"),
        RuleType.STANDARD: ("Standard", "Standaard (norm)"),
        RuleType.IP_AGREEMENT: ("IP agreement", "IE-afspraak"),
        RuleType.CONSORTIUM_AGREEMENT: ("Consortium agreement", "Consortiumovereenkomst"),
        RuleType.NORM: ("Social norm", "Sociale norm"),
        RuleType.TRUST: ("Trust", "Vertrouwen"),
        RuleType.CULTURE: ("Culture (e.g. entrepreneurial)", "Cultuur (bijv. ondernemerscultuur)"),
    },
    "rule_effect": {
        RuleEffect.BARRIER: ("Barrier", "Belemmering"),
        RuleEffect.ENABLER: ("Enabler", "Stimulans"),
        RuleEffect.NEUTRAL: ("Neutral", "Neutraal"),
    },
    "value_type": {
        ValueType.KNOWLEDGE: ("Knowledge", "Kennis"),
        ValueType.SKILLS: ("Skills", "Vaardigheden"),
        ValueType.INNOVATION: ("Innovations", "Innovaties"),
        ValueType.SOCIAL_INNOVATION: ("Social innovation", "Sociale innovatie"),
        ValueType.ECONOMIC: ("Economic value (productivity, jobs, earning capacity)", "Economische waarde (productiviteit, banen, verdienvermogen)"),
        ValueType.BROAD_WELFARE: ("Broad welfare", "Brede welvaart"),
        ValueType.BREAKTHROUGH: ("Scientific breakthroughs", "Wetenschappelijke doorbraken"),
    },
    "instrument": {
        FinanceInstrument.PRE_SEED: ("Pre-seed", "Pre-seed"),
        FinanceInstrument.SEED: ("Seed (private)", "Seed (privaat)"),
        FinanceInstrument.SEED_CAPITAL: ("Seed Capital (RVO)", "Seed Capital (RVO)"),
        FinanceInstrument.VC: ("Venture capital", "Durfkapitaal (venture capital)"),
        FinanceInstrument.ANGEL: ("Business angel", "Informele investeerder (business angel)"),
        FinanceInstrument.DVI: ("Dutch Venture Initiative (DVI)", "Dutch Venture Initiative (DVI)"),
        FinanceInstrument.MIT: ("MIT (SME innovation stimulus)", "MIT (MKB-innovatiestimulering)"),
        FinanceInstrument.INNOVATIEKREDIET: ("Innovation credit (Innovatiekrediet)", "Innovatiekrediet"),
        FinanceInstrument.VFF: ("Early-stage financing (VFF)", "Vroegefasefinanciering (VFF)"),
        FinanceInstrument.GRANT: ("Grant or subsidy", "Subsidie"),
        FinanceInstrument.LOAN: ("Loan", "Lening"),
        FinanceInstrument.CROWDFUNDING: ("Crowdfunding", "Crowdfunding"),
        FinanceInstrument.CORPORATE: ("Corporate investment", "Investering door een bedrijf"),
        FinanceInstrument.OTHER: ("Other", "Overig"),
    },
    "stage": {
        VentureStage.IDEA: ("Idea", "Idee"),
        VentureStage.PRE_SEED: ("Pre-seed", "Pre-seed"),
        VentureStage.SEED: ("Seed", "Seed"),
        VentureStage.EARLY: ("Early growth", "Vroege groei"),
        VentureStage.GROWTH: ("Growth", "Groei"),
        VentureStage.LATE: ("Late stage", "Late fase"),
        VentureStage.EXITED: ("Exited (acquired or listed)", "Exit (overgenomen of beursgang)"),
        VentureStage.CLOSED: ("Closed", "Gestopt"),
    },
}

#: kind -> {code: (en, nl)}
VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "actor_type": {t.value: _ACTOR_LABELS[t] for t in ActorType},
    "activity": {a.value: _ACT_LABELS[a] for a in ActivityType},
    "relation_type": {r.value: _REL_LABELS[r] for r in RelationType},
    **{k: {c.value: v for c, v in d.items()} for k, d in _L.items()},
}
KINDS = {
    "actor_type": ("Actor types (seed 001)", "Typen actoren (seed 001)"),
    "activity": ("Activities (seed 001)", "Activiteiten (seed 001)"),
    "relation_type": ("Relations between actors", "Relaties tussen actoren"),
    "facility_type": ("Facility types", "Typen faciliteiten"),
    "rule_type": ("Rule types (formal: law, regulation, standard, IP and consortium agreements; informal: norm, trust, culture)",
                  "Typen regels (formeel: wet, regelgeving, standaard, IE- en consortiumafspraken; informeel: norm, vertrouwen, cultuur)"),
    "rule_effect": ("How a rule bears on the ecosystem", "Hoe een regel op het ecosysteem inwerkt"),
    "value_type": ("Value created (seed 001)", "Gecreëerde waarde (seed 001)"),
    "instrument": ("Financing instruments (#27, #28)", "Financieringsinstrumenten (#27, #28)"),
    "stage": ("Stage of a startup", "Fase van een startup"),
}


def codes(kind: str) -> list[str]:
    return list(VOCABULARY[kind])


def term(kind: str, code: str | None, lang: str = "en") -> str:
    """The label of ``code`` in ``lang``; an unknown code is shown as it is."""
    if code is None:
        return ""
    pair = VOCABULARY.get(kind, {}).get(code)
    return code if pair is None else pair[0 if lang == "en" else 1]


def vocabulary_rows(lang: str | None = None) -> list[dict[str, str]]:
    """Every term as ``{kind, code, en, nl}`` (the API's and the templates' help sheets' table)."""
    return [{"kind": k, "code": c, "en": en, "nl": nl, **({"label": en if lang == "en" else nl} if lang else {})}
            for k, d in VOCABULARY.items() for c, (en, nl) in d.items()]


def vocabulary_markdown() -> str:
    lines = ["# The framework's vocabulary", "",
             "Generated from `innovatlas.model.vocabulary` (do not edit by hand; `tests/test_framework_data.py` "
             "checks it is current). The dashboard legend, the templates (their `help` sheet) and the API "
             "(`/api/vocabulary`) use these codes and labels.", ""]
    for kind, d in VOCABULARY.items():
        en, nl = KINDS[kind]
        lines += [f"## {kind}: {en}", "", f"*{nl}*", "", "| code | English | Nederlands |", "| --- | --- | --- |"]
        lines += [f"| `{c}` | {e} | {n} |" for c, (e, n) in d.items()]
        lines.append("")
    return "\n".join(lines)


def write_docs(path: str | Path | None = None) -> Path:
    p = Path(path) if path else Path(__file__).resolve().parents[3] / "docs" / "vocabulary.md"
    p.write_text(vocabulary_markdown(), encoding="utf-8")
    return p
