"""Words and numbers for people: a label and a one-line definition of every measure the
product emits, unit names, and number formatting per language (Babel, CLDR data).

``tests/test_trust_ui.py`` checks that every measure and unit stored in a real workspace,
and every measure of the composite comparison, has an entry here in both languages.
"""

from __future__ import annotations

import math
import re
from typing import Any

from babel.numbers import format_decimal, format_percent

__all__ = ["MEASURES", "UNITS", "measure_label", "measure_definition", "unit_label", "number", "percent",
           "LOCALES", "vega_locale"]

LOCALES = {"en": "en_GB", "nl": "nl_NL"}

#: measure code -> (label en, label nl, definition en, definition nl)
MEASURES: dict[str, tuple[str, str, str, str]] = {
    "organisations": ("Organisations", "Organisaties",
                      "Distinct organisations (PICs) with at least one participation in scope.",
                      "Verschillende organisaties (PIC's) met ten minste één deelname binnen de afbakening."),
    "participations": ("Participations", "Deelnames",
                       "Participations in scope: one organisation's role in one project.",
                       "Deelnames binnen de afbakening: de rol van één organisatie in één project."),
    "projects": ("Projects", "Projecten",
                 "Distinct projects with at least one member participating.",
                 "Verschillende projecten met ten minste één deelnemend lid."),
    "ec_contribution_eur": ("EC contribution (EUR)", "EU-bijdrage (EUR)",
                            "EU contribution to the members' participations, as published by CORDIS.",
                            "EU-bijdrage aan de deelnames van de leden, zoals gepubliceerd door CORDIS."),
    "coordinator_roles": ("Coordinator roles", "Coördinatorrollen",
                          "Participations in which a member coordinates the project.",
                          "Deelnames waarin een lid het project coördineert."),
    "collaboration_relations": ("Collaboration relations", "Samenwerkingsrelaties",
                                "Distinct member-partner pairs sharing at least one project, by where the partner is.",
                                "Verschillende paren lid-partner met ten minste één gezamenlijk project, naar herkomst van de partner."),
    "projects_with_third_country_partner": (
        "Projects with a third-country partner", "Projecten met partner uit derde land",
        "Projects of the ecosystem with at least one partner from outside the EU and associated countries.",
        "Projecten van het ecosysteem met ten minste één partner van buiten de EU en geassocieerde landen."),
    "organisation_degree": ("Organisation degree", "Organisatiegraad",
                            "Members as a share of all known organisations that meet the ecosystem's filters.",
                            "Leden als aandeel van alle bekende organisaties die aan de filters van het ecosysteem voldoen."),
    "reference_population": ("Reference population", "Referentiepopulatie",
                             "Known organisations meeting the ecosystem's organisation filters (denominator of #37).",
                             "Bekende organisaties die aan de organisatiefilters voldoen (noemer van #37)."),
    "sme_share": ("SME share of firm participations", "Aandeel mkb in bedrijfsdeelnames",
                  "SME participations over firm participations whose SME flag is published.",
                  "Mkb-deelnames gedeeld door bedrijfsdeelnames waarvan de mkb-vlag gepubliceerd is."),
    "sme_flag_coverage": ("SME flag coverage", "Dekking mkb-vlag",
                          "Share of firm participations whose SME flag is published.",
                          "Aandeel bedrijfsdeelnames waarvan de mkb-vlag gepubliceerd is."),
    "blau_actor_types": ("Diversity of actor types (Blau)", "Diversiteit actortypen (Blau)",
                         "Blau index 1 - sum of squared type shares: 0 = one type only, higher = more mixed.",
                         "Blau-index 1 - som van gekwadrateerde typeaandelen: 0 = één type, hoger = meer gemengd."),
    "shannon_actor_types": ("Diversity of actor types (Shannon)", "Diversiteit actortypen (Shannon)",
                            "Shannon entropy of the actor-type shares, in nats.",
                            "Shannon-entropie van de aandelen per actortype, in nats."),
    "triple_helix_T": ("Triple-helix synergy (T)", "Triple-helixsynergie (T)",
                       "Mutual information between university, industry and government in consortia; negative = synergy.",
                       "Wederzijdse informatie tussen kennisinstelling, bedrijf en overheid in consortia; negatief = synergie."),
    "quadruple_helix_T": ("Quadruple-helix synergy (T)", "Quadruple-helixsynergie (T)",
                          "As triple-helix T with civil society as a fourth dimension; negative = synergy.",
                          "Als triple-helix T met maatschappelijke organisaties als vierde dimensie; negatief = synergie."),
    "knowledge_firm_link_ratio": ("Knowledge-firm links, observed/expected", "Verbindingen kennis-bedrijf, waargenomen/verwacht",
                                  "Share of links between knowledge institutions and firms over the share expected under random mixing.",
                                  "Aandeel verbindingen kennisinstelling-bedrijf gedeeld door het bij toevallige menging verwachte aandeel."),
    "knowledge_sme_link_ratio": ("Knowledge-SME links, observed/expected", "Verbindingen kennis-mkb, waargenomen/verwacht",
                                 "Share of links between knowledge institutions and SMEs over the share expected under random mixing.",
                                 "Aandeel verbindingen kennisinstelling-mkb gedeeld door het bij toevallige menging verwachte aandeel."),
    "dominance_links": ("Largest organisation's share of links", "Aandeel verbindingen van grootste organisatie",
                        "The best-connected member's share of all link ends in the network.",
                        "Aandeel van het best verbonden lid in alle verbindingseinden van het netwerk."),
    "dominance_funding": ("Largest organisation's share of EU funding", "Aandeel EU-financiering van grootste organisatie",
                          "The member with the most EU funding: its share of the ecosystem's EU contribution.",
                          "Het lid met de meeste EU-financiering: zijn aandeel in de EU-bijdrage van het ecosysteem."),
    "funding_hhi": ("Concentration of EU funding (HHI)", "Concentratie EU-financiering (HHI)",
                    "Herfindahl-Hirschman index: sum of squared funding shares of members (0-1, higher = more concentrated).",
                    "Herfindahl-Hirschman-index: som van gekwadrateerde financieringsaandelen (0-1, hoger = meer geconcentreerd)."),
    "entrants": ("Newcomers", "Nieuwkomers",
                 "Organisations whose first project in scope starts in the year.",
                 "Organisaties waarvan het eerste project binnen de afbakening in dat jaar start."),
    "exits": ("Leavers", "Vertrekkers",
              "Organisations whose last project in scope started the year before.",
              "Organisaties waarvan het laatste project binnen de afbakening het jaar ervoor startte."),
    "entry_rate": ("Entry rate", "Toetredingsgraad",
                   "Newcomers as a share of the organisations active in the year.",
                   "Nieuwkomers als aandeel van de in dat jaar actieve organisaties."),
    "international_share_eu": ("Share of relations with EU partners", "Aandeel relaties met EU-partners",
                               "EU partners' share of the #18 collaboration relations.",
                               "Aandeel EU-partners in de samenwerkingsrelaties (#18)."),
    "international_share_associated": ("Share of relations with associated countries", "Aandeel relaties met geassocieerde landen",
                                       "Associated countries' share of the #18 collaboration relations.",
                                       "Aandeel geassocieerde landen in de samenwerkingsrelaties (#18)."),
    "international_share_third": ("Share of relations with third countries", "Aandeel relaties met derde landen",
                                  "Third countries' share of the #18 collaboration relations.",
                                  "Aandeel derde landen in de samenwerkingsrelaties (#18)."),
    "largest_component_share": ("Share in largest component", "Aandeel in grootste component",
                                "Share of the network's organisations in its largest connected group.",
                                "Aandeel van de organisaties in de grootste verbonden groep van het netwerk."),
    "components": ("Components", "Componenten",
                   "Number of connected groups in the collaboration network (isolated organisations count as one each).",
                   "Aantal verbonden groepen in het samenwerkingsnetwerk (losse organisaties tellen elk als één)."),
    "modularity": ("Modularity", "Modulariteit",
                   "How strongly the network splits into Leiden communities (0 = not at all, towards 1 = strongly).",
                   "Hoe sterk het netwerk uiteenvalt in Leiden-gemeenschappen (0 = niet, richting 1 = sterk)."),
    "participations_per_member": ("Participations per member", "Deelnames per lid",
                                  "Participations divided by the number of member organisations.",
                                  "Deelnames gedeeld door het aantal leden."),
    "funding_per_member": ("EU funding per member (EUR)", "EU-financiering per lid (EUR)",
                           "EU contribution divided by the number of member organisations.",
                           "EU-bijdrage gedeeld door het aantal leden."),
    "internal_pairs_per_member": ("Collaborating pairs inside per member", "Samenwerkende paren binnen per lid",
                                  "Collaborating member pairs divided by the number of members.",
                                  "Samenwerkende paren van leden gedeeld door het aantal leden."),
    "relations_per_member": ("Collaboration relations per member", "Samenwerkingsrelaties per lid",
                             "All #18 collaboration relations divided by the number of members.",
                             "Alle samenwerkingsrelaties (#18) gedeeld door het aantal leden."),
    "value": ("Imported value", "Geïmporteerde waarde",
              "A value imported from your own file or survey.",
              "Een waarde uit een eigen bestand of enquête."),
}

#: unit code -> (en, nl)
UNITS: dict[str, tuple[str, str]] = {
    "organisations": ("organisations", "organisaties"), "participations": ("participations", "deelnames"),
    "projects": ("projects", "projecten"), "coordinator_roles": ("coordinator roles", "coördinatorrollen"),
    "EUR": ("EUR", "EUR"), "share": ("share", "aandeel"), "index": ("index", "index"), "count": ("count", "aantal"),
    "bits": ("bits", "bits"), "nats": ("nats", "nats"), "observed/expected": ("observed/expected", "waargenomen/verwacht"),
    "organisation pairs": ("organisation pairs", "paren organisaties"), "%": ("%", "%"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "nl" else pair[0]


def measure_label(code: str, lang: str = "en") -> str:
    """``measure_label('funding_hhi', 'nl') == 'Concentratie EU-financiering (HHI)'``; unknown codes stay readable."""
    m = MEASURES.get(code)
    return (m[1] if lang == "nl" else m[0]) if m else code.replace("_", " ")


def measure_definition(code: str, lang: str = "en") -> str:
    m = MEASURES.get(code)
    return (m[3] if lang == "nl" else m[2]) if m else ""


def unit_label(code: str | None, lang: str = "en") -> str:
    if not code:
        return ""
    u = UNITS.get(code)
    return _pick(u, lang) if u else code.replace("_", " ")


def number(v: Any, lang: str = "en", digits: int | None = None) -> str:
    """A number for the language: ``number(305407719, 'nl') == '305.407.719'``, ``number(12.5, 'nl', 1) == '12,5'``.

    Missing is a dash (the templates say "not in the data" where it matters). Without
    ``digits``: integers as integers, small fractions with three decimals, others rounded.

    >>> number(305407719.03, 'en'), number(0.0317, 'nl'), number(None)
    ('305,407,719', '0,032', '–')
    """
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if digits is None:
        digits = 3 if isinstance(v, float) and not float(v).is_integer() and abs(v) < 10 else 0
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(v, digits) if digits else round(v), format=pattern, locale=LOCALES.get(lang, "en_GB"))


def percent(v: Any, lang: str = "en", digits: int = 1) -> str:
    """A share as a percentage: ``percent(0.125, 'nl') == '12,5%'``."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(v, format=pattern, locale=LOCALES.get(lang, "en_GB"))


def vega_locale(lang: str) -> dict[str, Any]:
    """d3-format locale for Vega-Lite charts, taken from Babel's CLDR symbols."""
    from babel import Locale

    sym = Locale.parse(LOCALES.get(lang, "en_GB")).number_symbols.get("latn", {})
    return {"decimal": sym.get("decimal", "."), "thousands": sym.get("group", ","), "grouping": [3],
            "currency": ["€ ", ""]}


#: how an organisation was placed on the map (org_location.method), in Dutch
_PLACEMENT_NL = {
    "municipality name": "gemeentenaam", "postcode area (PC4 majority)": "postcodegebied (meerderheid PC4)",
    "place name (ROR/GeoNames)": "plaatsnaam (ROR/GeoNames)", "first word of city": "eerste woord van de plaatsnaam",
    "unplaced: no city or postcode in any source": "niet geplaatst: geen plaats of postcode in enige bron",
    "unplaced: city not recognised": "niet geplaatst: plaats niet herkend",
}


def placement_label(method: str | None, lang: str = "en") -> str:
    """``placement_label('municipality name', 'nl') == 'gemeentenaam'``; unknown methods stay as they are."""
    if not method or lang != "nl":
        return method or ""
    if method in _PLACEMENT_NL:
        return _PLACEMENT_NL[method]
    head, sep, rest = method.partition(": city not recognised: ")
    if sep:
        return f"niet geplaatst: plaats niet herkend: {rest}"
    return method


#: the indicator code's method texts, in Dutch (exact English text -> Dutch); others are shown as written
_METHODS_NL = {
    "Members / reference population, where the reference population is every organisation known to the workspace (any imported CORDIS organisation table or participation list) meeting the ecosystem's organisation filters.":
        "Leden / referentiepopulatie; de referentiepopulatie is elke in de werkruimte bekende organisatie (uit een geïmporteerde CORDIS-organisatietabel of deelnamelijst) die aan de organisatiefilters van het ecosysteem voldoet.",
    "Counted over in-scope participations (organisation x project); organisations = distinct PICs; per year = by project start year; EC contribution as published by CORDIS.":
        "Geteld over de deelnames binnen de afbakening (organisatie x project); organisaties = verschillende PIC's; per jaar = naar startjaar van het project; EU-bijdrage zoals gepubliceerd door CORDIS.",
    "Counted over in-scope participations (organisation x project); organisations = distinct analysis units (the unit is named below); per year = by project start year; EC contribution as published by CORDIS.":
        "Geteld over de deelnames binnen de afbakening (organisatie x project); organisaties = verschillende analyse-eenheden (de eenheid staat hieronder); per jaar = naar startjaar van het project; EU-bijdrage zoals gepubliceerd door CORDIS.",
    "Distinct (member, partner) organisation pairs sharing at least one in-scope project, by where the partner is: internal (both members; unordered pairs), rest of NL, EU-28, H2020 associated countries, third countries. Per year = pairs in projects starting that year.":
        "Verschillende paren (lid, partner) met ten minste één gezamenlijk project binnen de afbakening, naar herkomst van de partner: binnen (beide leden; ongeordende paren), rest van Nederland, EU-28, met H2020 geassocieerde landen, derde landen. Per jaar = paren in projecten die dat jaar starten.",
    "SME participations / private for-profit (PRC) participations whose SME flag is published; NULL when the imported files carry no SME flag (only the current CORDIS layout has it).":
        "Mkb-deelnames / deelnames van private ondernemingen (PRC) waarvan de mkb-vlag gepubliceerd is; leeg (niet in de data) als de geïmporteerde bestanden geen mkb-vlag hebben (alleen de huidige CORDIS-indeling heeft die).",
    "Network and structure signals for the diagnosis; formulas in innovatlas.indicators.signals.":
        "Netwerk- en structuursignalen voor de diagnose; formules in innovatlas.indicators.signals.",
}
_PATH = re.compile(r"(?<![\w:])(?:\.{0,2}/|[A-Za-z]:\\)?(?:[\w.@+-]+[/\\])+([\w.@+-]+\.[A-Za-z0-9.]+)")


def method_text(text: str | None, lang: str = "en") -> str:
    """An indicator's method in the language (as written when no translation is known)."""
    if not text:
        return ""
    if lang != "nl":
        return text
    head, sep, unit = text.rpartition(" Unit: ")  # the unit sentence every method ends with (issue 14)
    if sep and unit.endswith("].") and "[" in unit:
        from innovatlas.registry.units import unit_label

        code = unit[unit.rindex("[") + 1:-2]
        return f"{_METHODS_NL.get(head, head)} Eenheid: {unit_label(code, 'nl')} [{code}]."
    return _METHODS_NL.get(text, text)


def provenance_text(text: str | None, lang: str = "en") -> str:
    """A provenance line for people: file names without the folders of this machine.

    >>> provenance_text("cordis: ../shared/data/cordis/h2020.csv.gz (batch 3, 144,726 rows)")
    'cordis: h2020.csv.gz (batch 3, 144,726 rows)'
    """
    if not text:
        return ""
    out = _PATH.sub(lambda m: m.group(1), text)
    if lang == "nl":
        out = re.sub(r"(\d{1,3}(?:,\d{3})+) rows", lambda m: m.group(1).replace(",", ".") + " rijen", out)
        out = out.replace(", imported ", ", geïmporteerd ")
    return out


# the measures, units and method of the OpenAlex indicators #15-#17 (issue 15)
from innovatlas.publications.i18n import MEASURES as _PUB_MEASURES, METHODS_NL as _PUB_METHODS, UNITS as _PUB_UNITS  # noqa: E402

MEASURES.update(_PUB_MEASURES)
UNITS.update(_PUB_UNITS)
_METHODS_NL.update(_PUB_METHODS)
