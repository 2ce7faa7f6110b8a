"""Actor types of the Dutch R&I ecosystem framework (seed 001) and CORDIS activity types.

CORDIS only tells us the *activity type* of a participant (HES, REC, PRC, PUB, OTH) and,
in the current layout, an SME flag. The framework distinguishes far more actor types.
:func:`actor_type_for_cordis` maps what CORDIS says to the most specific framework type
we can justify; :func:`refine_actor_type` then sharpens a few well-known Dutch cases
(universities, universities of applied sciences, UMCs, TO2 institutes, NWO/KNAW
institutes, governments) from the organisation's name. Every rule is written out below.
"""

from __future__ import annotations

import re
from enum import Enum

__all__ = ["ActorType", "CordisActivity", "actor_type_for_cordis", "refine_actor_type", "label",
           "CORDIS_ACTIVITY_LABELS"]


class CordisActivity(str, Enum):
    """CORDIS participant activity type."""

    HES = "HES"  # higher or secondary education
    REC = "REC"  # research organisation
    PRC = "PRC"  # private for-profit
    PUB = "PUB"  # public body
    OTH = "OTH"  # other


CORDIS_ACTIVITY_LABELS = {
    "HES": {"en": "Higher or secondary education", "nl": "Hoger of middelbaar onderwijs"},
    "REC": {"en": "Research organisation", "nl": "Onderzoeksorganisatie"},
    "PRC": {"en": "Private for-profit", "nl": "Private onderneming"},
    "PUB": {"en": "Public body", "nl": "Publieke instelling"},
    "OTH": {"en": "Other", "nl": "Overig"},
}


class ActorType(str, Enum):
    """Actor types named in seed 001 (with a few 'unspecified' types for what data cannot tell)."""

    LARGE_FIRM = "large_firm"
    SME = "sme"
    STARTUP = "startup"
    FIRM = "firm"  # private for-profit, size unknown
    EMPLOYEE = "employee"
    TO2 = "to2"
    RKI = "rki"
    MBO = "mbo"
    UAS = "uas"
    UNIVERSITY = "university"
    UMC = "umc"
    NWO_KNAW = "nwo_knaw"
    HIGHER_EDUCATION = "higher_education"  # HES, not further specified
    RESEARCH_ORGANISATION = "research_organisation"  # REC, not further specified
    GOVERNMENT_NATIONAL = "government_national"
    GOVERNMENT_PROVINCIAL = "government_provincial"
    GOVERNMENT_MUNICIPAL = "government_municipal"
    PUBLIC_BODY = "public_body"  # PUB, not further specified
    FINANCIER = "financier"
    CAMPUS = "campus"
    CIVIL_SOCIETY = "civil_society"
    PUBLIC_INSTITUTION = "public_institution"
    CITIZEN = "citizen"
    OTHER = "other"

    @property
    def helix(self) -> str:
        """Triple/quadruple-helix sphere: university, industry, government or civil."""
        return _HELIX[self]

    def label(self, lang: str = "en") -> str:
        return _LABELS[self][0 if lang == "en" else 1]


_LABELS: dict[ActorType, tuple[str, str]] = {
    ActorType.LARGE_FIRM: ("Large firm", "Groot bedrijf"),
    ActorType.SME: ("SME", "Mkb-bedrijf"),
    ActorType.STARTUP: ("Startup or scale-up", "Startup of scale-up"),
    ActorType.FIRM: ("Firm (size unknown)", "Bedrijf (omvang onbekend)"),
    ActorType.EMPLOYEE: ("Employee", "Werknemer"),
    ActorType.TO2: ("Applied research organisation (TO2)", "Toegepast onderzoeksinstituut (TO2)"),
    ActorType.RKI: ("Government knowledge institute (RKI)", "Rijkskennisinstelling (RKI)"),
    ActorType.MBO: ("Vocational college (mbo)", "Mbo-instelling"),
    ActorType.UAS: ("University of applied sciences", "Hogeschool"),
    ActorType.UNIVERSITY: ("University", "Universiteit"),
    ActorType.UMC: ("University medical centre", "Universitair medisch centrum"),
    ActorType.NWO_KNAW: ("NWO/KNAW institute", "NWO/KNAW-instituut"),
    ActorType.HIGHER_EDUCATION: ("Higher education (unspecified)", "Hoger onderwijs (niet gespecificeerd)"),
    ActorType.RESEARCH_ORGANISATION: ("Research organisation (unspecified)", "Onderzoeksorganisatie (niet gespecificeerd)"),
    ActorType.GOVERNMENT_NATIONAL: ("National government", "Rijksoverheid"),
    ActorType.GOVERNMENT_PROVINCIAL: ("Provincial government", "Provincie"),
    ActorType.GOVERNMENT_MUNICIPAL: ("Municipal government", "Gemeente"),
    ActorType.PUBLIC_BODY: ("Public body (unspecified)", "Publieke instelling (niet gespecificeerd)"),
    ActorType.FINANCIER: ("Financier", "Financier"),
    ActorType.CAMPUS: ("Campus organisation", "Campusorganisatie"),
    ActorType.CIVIL_SOCIETY: ("Civil-society organisation", "Maatschappelijke organisatie"),
    ActorType.PUBLIC_INSTITUTION: ("Public institution", "Publieke instelling"),
    ActorType.CITIZEN: ("Consumers and citizens", "Consumenten en burgers"),
    ActorType.OTHER: ("Other", "Overig"),
}

_HELIX: dict[ActorType, str] = {
    **{t: "university" for t in (ActorType.TO2, ActorType.RKI, ActorType.MBO, ActorType.UAS,
                                  ActorType.UNIVERSITY, ActorType.UMC, ActorType.NWO_KNAW,
                                  ActorType.HIGHER_EDUCATION, ActorType.RESEARCH_ORGANISATION)},
    **{t: "industry" for t in (ActorType.LARGE_FIRM, ActorType.SME, ActorType.STARTUP,
                                ActorType.FIRM, ActorType.FINANCIER, ActorType.EMPLOYEE)},
    **{t: "government" for t in (ActorType.GOVERNMENT_NATIONAL, ActorType.GOVERNMENT_PROVINCIAL,
                                  ActorType.GOVERNMENT_MUNICIPAL, ActorType.PUBLIC_BODY,
                                  ActorType.PUBLIC_INSTITUTION)},
    **{t: "civil" for t in (ActorType.CIVIL_SOCIETY, ActorType.CITIZEN, ActorType.CAMPUS, ActorType.OTHER)},
}


def label(value: str, lang: str = "en") -> str:
    """Label of an actor type or CORDIS activity code in English or Dutch."""
    if value in CORDIS_ACTIVITY_LABELS:
        return CORDIS_ACTIVITY_LABELS[value][lang]
    try:
        return ActorType(value).label(lang)
    except ValueError:
        return value


def actor_type_for_cordis(activity: str | None, sme: bool | None = None) -> ActorType:
    """Map a CORDIS activity type (and SME flag, when published) to a framework actor type.

    >>> actor_type_for_cordis("PRC", sme=True).value
    'sme'
    >>> actor_type_for_cordis("PRC", sme=False).value
    'large_firm'
    >>> actor_type_for_cordis("PRC").value
    'firm'
    """
    a = (activity or "").upper()
    if a == "PRC":
        if sme is True:
            return ActorType.SME
        if sme is False:
            return ActorType.LARGE_FIRM
        return ActorType.FIRM
    return {
        "HES": ActorType.HIGHER_EDUCATION,
        "REC": ActorType.RESEARCH_ORGANISATION,
        "PUB": ActorType.PUBLIC_BODY,
    }.get(a, ActorType.OTHER)


# Name rules for Dutch organisations, applied in order; the first that matches wins.
# Each is (activity types it may refine, regex on the upper-cased name, resulting type).
NAME_RULES: list[tuple[frozenset[str], re.Pattern[str], ActorType]] = [
    (frozenset({"HES", "REC", "OTH", "PUB"}),
     re.compile(r"UNIVERSITAIR MEDISCH CENTRUM|ACADEMISCH (MEDISCH CENTRUM|ZIEKENHUIS)|\bUMC\b|ERASMUS MC|RADBOUDUMC|\bVUMC\b|\bLUMC\b"),
     ActorType.UMC),
    (frozenset({"HES", "REC", "OTH"}), re.compile(r"HOGESCHOOL|UNIVERSITY OF APPLIED SCIENCES|\bHBO\b"), ActorType.UAS),
    (frozenset({"HES", "REC", "OTH"}), re.compile(r"UNIVERSITEIT|UNIVERSITY|TECHNISCHE HOGESCHOOL"), ActorType.UNIVERSITY),
    (frozenset({"REC", "OTH", "PRC"}),
     re.compile(r"NEDERLANDSE ORGANISATIE VOOR TOEGEPAST|\bTNO\b|WAGENINGEN RESEARCH|STICHTING DIENST LANDBOUWKUNDIG|DELTARES|LUCHT- EN RUIMTEVAART|\bNLR\b|MARITIME RESEARCH INSTITUTE|\bMARIN\b"),
     ActorType.TO2),
    (frozenset({"REC", "OTH", "PUB"}),
     re.compile(r"NEDERLANDSE ORGANISATIE VOOR WETENSCHAPPELIJK|\bNWO\b|KONINKLIJKE NEDERLANDSE AKADEMIE|\bKNAW\b|STICHTING NEDERLANDSE WETENSCHAPPELIJK ONDERZOEK INSTITUTEN"),
     ActorType.NWO_KNAW),
    (frozenset({"PUB", "REC", "OTH"}),
     re.compile(r"RIJKSINSTITUUT VOOR VOLKSGEZONDHEID|\bRIVM\b|KONINKLIJK NEDERLANDS METEOROLOGISCH|\bKNMI\b|PLANBUREAU|RIJKSWATERSTAAT|NEDERLANDS FORENSISCH"),
     ActorType.RKI),
    (frozenset({"PUB", "OTH"}), re.compile(r"^GEMEENTE\b|\bMUNICIPALITY OF\b"), ActorType.GOVERNMENT_MUNICIPAL),
    (frozenset({"PUB", "OTH"}), re.compile(r"^PROVINCIE\b|\bPROVINCE OF\b"), ActorType.GOVERNMENT_PROVINCIAL),
    (frozenset({"PUB", "OTH"}), re.compile(r"^MINISTERIE\b|\bMINISTRY OF\b|^STAAT DER NEDERLANDEN"), ActorType.GOVERNMENT_NATIONAL),
]


def refine_actor_type(base: ActorType, activity: str | None, name: str | None) -> ActorType:
    """Sharpen a CORDIS-derived type with the name rules in :data:`NAME_RULES`.

    >>> refine_actor_type(ActorType.HIGHER_EDUCATION, "HES", "TECHNISCHE UNIVERSITEIT DELFT").value
    'university'
    >>> refine_actor_type(ActorType.HIGHER_EDUCATION, "HES", "HOGESCHOOL UTRECHT").value
    'uas'
    """
    if not name:
        return base
    upper = name.upper()
    for activities, pattern, result in NAME_RULES:
        if (activity or "").upper() in activities and pattern.search(upper):
            return result
    return base
