"""Strings of the publication sections in English and Dutch (numbers through :func:`innovatlas.connect.i18n.num`)."""

from __future__ import annotations

from typing import Any

from innovatlas.connect.i18n import num

__all__ = ["pt", "num", "STRINGS", "MEASURES", "UNITS", "METHOD_EN", "METHODS_NL"]

STRINGS: dict[str, dict[str, str]] = {
    "pubs_title": {"en": "Publications (OpenAlex)", "nl": "Publicaties (OpenAlex)"},
    "measure": {"en": "Measure", "nl": "Maat"},
    "value": {"en": "Value", "nl": "Waarde"},
    "year": {"en": "Year", "nl": "Jaar"},
    "full": {"en": "#15 publications (full counting)", "nl": "#15 publicaties (gehele telling)"},
    "fractional": {"en": "#15 publications (fractional counting)", "nl": "#15 publicaties (fractionele telling)"},
    "copubs": {"en": "#16 co-publications (two or more organisations)", "nl": "#16 copublicaties (twee of meer organisaties)"},
    "public_public": {"en": "#16 public-public co-publications", "nl": "#16 publiek-publieke copublicaties"},
    "public_private": {"en": "#16 public-private co-publications", "nl": "#16 publiek-private copublicaties"},
    "share_international": {"en": "co-publications with an institution abroad", "nl": "copublicaties met een instelling in het buitenland"},
    "share_eu": {"en": "co-publications with another EU-27 country", "nl": "copublicaties met een ander EU-27-land"},
    "share_third_country": {"en": "co-publications with a country outside the EU-27", "nl": "copublicaties met een land buiten de EU-27"},
    "dual": {"en": "#17 dual appointments (proxy: authors listed with two institutions of different types in one work)",
             "nl": "#17 dubbele aanstellingen (benadering: auteurs met twee instellingen van verschillend type in één publicatie)"},
    "partners_home": {"en": "Top co-publishing partners in the Netherlands", "nl": "Belangrijkste copublicatiepartners in Nederland"},
    "partners_abroad": {"en": "Top co-publishing partners abroad", "nl": "Belangrijkste copublicatiepartners in het buitenland"},
    "partner": {"en": "Organisation", "nl": "Organisatie"},
    "country": {"en": "Country", "nl": "Land"},
    "type": {"en": "Type", "nl": "Type"},
    "joint_works": {"en": "Joint works", "nl": "Gezamenlijke publicaties"},
    "over_time": {"en": "Publications per year", "nl": "Publicaties per jaar"},
    "no_works_ws": {"en": "Publications: not in the data (no OpenAlex works imported; 'innovatlas import openalex FILE').",
                    "nl": "Publicaties: niet in de gegevens (geen OpenAlex-publicaties geïmporteerd; 'innovatlas import openalex BESTAND')."},
    "no_works_eco": {"en": "Publications: not in the data for this ecosystem (none of the imported OpenAlex works lists one of its "
                           "members; institutions are matched by their ROR id).",
                     "nl": "Publicaties: niet in de gegevens voor dit ecosysteem (geen van de geïmporteerde OpenAlex-publicaties "
                           "noemt een van de leden; instellingen worden gekoppeld via hun ROR-id)."},
    "sample_note": {"en": "From the {works} OpenAlex works in the workspace; a work counts for the ecosystem when an author is "
                          "affiliated with a member (ROR id -> registry -> PIC). The figures count only the works imported: "
                          "at least this many, not a bibliometric census.",
                    "nl": "Uit de {works} OpenAlex-publicaties in de werkruimte; een publicatie telt voor het ecosysteem als een "
                          "auteur verbonden is aan een lid (ROR-id -> register -> PIC). De cijfers tellen alleen de "
                          "geïmporteerde publicaties: minstens zoveel, geen bibliometrische volledige telling."},
    "demo_note": {"en": "Demo data: the OpenAlex samples are small and not Dutch-focused (a few hundred works, mostly German TU9 "
                        "books and international social-science papers), so these figures illustrate the method only.",
                  "nl": "Demogegevens: de OpenAlex-voorbeelden zijn klein en niet op Nederland gericht (een paar honderd "
                        "publicaties, vooral boeken van de Duitse TU9 en internationale sociaalwetenschappelijke artikelen), "
                        "dus deze cijfers illustreren alleen de methode."},
    "method_counting": {"en": "Full counting: each work counts 1 for the ecosystem. Fractional counting: a work is 1, split "
                              "equally over its authors and each author's share over the organisations listed; the members' "
                              "shares are summed (Waltman & van Eck 2015).",
                        "nl": "Gehele telling: elke publicatie telt 1 voor het ecosysteem. Fractionele telling: een publicatie is 1, "
                              "gelijk verdeeld over de auteurs en het deel van elke auteur over de genoemde organisaties; de "
                              "delen van de leden worden opgeteld (Waltman & van Eck 2015)."},
    "method_pp": {"en": "Public-private: at least one public organisation (OpenAlex types education, government, facility, "
                        "healthcare, nonprofit, archive) and at least one firm (company), as the European Innovation Scoreboard "
                        "counts public-private co-publications; funders and other types count as neither.",
                  "nl": "Publiek-privaat: minstens één publieke organisatie (OpenAlex-typen education, government, facility, "
                        "healthcare, nonprofit, archive) en minstens één bedrijf (company), zoals het European Innovation "
                        "Scoreboard publiek-private copublicaties telt; financiers en overige typen tellen niet mee."},
    "network": {"en": "Co-publication network", "nl": "Copublicatienetwerk"},
    "network_line": {"en": "{nodes} organisations ({members} members), {links} links, {communities} Leiden communities "
                           "(association strength, van Eck & Waltman 2009).",
                     "nl": "{nodes} organisaties ({members} leden), {links} verbindingen, {communities} Leiden-gemeenschappen "
                           "(associatiesterkte, van Eck & Waltman 2009)."},
    "links_page": {"en": "All link types", "nl": "Alle soorten verbindingen"},
    "links_intro": {"en": "Joint projects (CORDIS), co-publications (OpenAlex) and your own relation types in one network; the "
                          "colour of a link is its type. Combined weight of a pair: the sum over its link types of the link's "
                          "weight divided by the mean weight of that type.",
                    "nl": "Gezamenlijke projecten (CORDIS), copublicaties (OpenAlex) en uw eigen soorten relaties in één netwerk; "
                          "de kleur van een verbinding is de soort. Gecombineerd gewicht van een paar: de som over de soorten "
                          "van het gewicht gedeeld door het gemiddelde gewicht van die soort."},
    "link_type": {"en": "Link type", "nl": "Soort verbinding"},
    "nodes": {"en": "Organisations", "nl": "Organisaties"},
    "links": {"en": "Links", "nl": "Verbindingen"},
    "density": {"en": "Density", "nl": "Dichtheid"},
    "components": {"en": "Components", "nl": "Componenten"},
    "communities": {"en": "Communities", "nl": "Gemeenschappen"},
    "combined": {"en": "combined", "nl": "gecombineerd"},
    "joint_project": {"en": "joint project", "nl": "gezamenlijk project"},
    "co_publication": {"en": "co-publication", "nl": "copublicatie"},
    "dual_appointment": {"en": "dual appointment", "nl": "dubbele aanstelling"},
    "funding": {"en": "funding", "nl": "financiering"},
    "spin_off": {"en": "spin-off", "nl": "spin-off"},
    "facility_use": {"en": "facility use", "nl": "gebruik faciliteit"},
    "membership": {"en": "membership", "nl": "lidmaatschap"},
    "org_pubs": {"en": "Publications (OpenAlex)", "nl": "Publicaties (OpenAlex)"},
    "org_pubs_line": {"en": "{works} works ({frac} fractional) in the imported OpenAlex data.",
                      "nl": "{works} publicaties ({frac} fractioneel) in de geïmporteerde OpenAlex-gegevens."},
    "org_no_pubs": {"en": "Publications: not in the data (no imported OpenAlex work lists this organisation's ROR id).",
                    "nl": "Publicaties: niet in de gegevens (geen geïmporteerde OpenAlex-publicatie noemt de ROR-id van deze organisatie)."},
    "open_access": {"en": "Open access", "nl": "Open access"},
    "downloads": {"en": "Downloads", "nl": "Downloads"},
}


def pt(key: str, lang: str = "en", **kw: Any) -> str:
    entry = STRINGS.get(key)
    text = key if entry is None else entry.get(lang, entry["en"])
    return text.format(**kw) if kw else text


#: labels and definitions of the measures #15-#17 store (merged into innovatlas.report.labels.MEASURES)
MEASURES: dict[str, tuple[str, str, str, str]] = {
    "publications": ("Publications", "Publicaties",
                     "OpenAlex works with at least one author affiliated with a member (full counting: each work 1).",
                     "OpenAlex-publicaties met minstens één auteur verbonden aan een lid (gehele telling: elke publicatie 1)."),
    "publications_fractional": ("Publications (fractional counting)", "Publicaties (fractionele telling)",
                                "Each work 1, split over its authors and each author's share over the organisations listed; "
                                "the members' shares summed.",
                                "Elke publicatie 1, verdeeld over de auteurs en het deel van elke auteur over de genoemde "
                                "organisaties; de delen van de leden opgeteld."),
    "copublications": ("Co-publications", "Copublicaties",
                       "Works with two or more organisations; public-public: two or more public; public-private: at least "
                       "one public organisation and one firm (EIS definition).",
                       "Publicaties met twee of meer organisaties; publiek-publiek: twee of meer publieke; publiek-privaat: "
                       "minstens één publieke organisatie en één bedrijf (EIS-definitie)."),
    "copublication_share": ("Share of co-publications", "Aandeel copublicaties",
                            "Of the co-publications, the share with an institution abroad, in another EU-27 state or outside "
                            "the EU-27.",
                            "Van de copublicaties het aandeel met een instelling in het buitenland, in een ander EU-27-land of "
                            "buiten de EU-27."),
    "dual_appointment_proxy": ("Dual appointments (proxy)", "Dubbele aanstellingen (benadering)",
                               "A proxy: distinct authors listed with two institutions of different types in one work, at "
                               "least one a member.",
                               "Een benadering: verschillende auteurs met twee instellingen van verschillend type in één "
                               "publicatie, minstens één daarvan een lid."),
}
UNITS: dict[str, tuple[str, str]] = {
    "works": ("works", "publicaties"), "works (fractional counting)": ("works (fractional counting)", "publicaties (fractioneel)"),
    "authors (proxy)": ("authors (proxy)", "auteurs (benadering)"),
}
METHOD_EN = ("OpenAlex works with at least one author affiliated with a member (institution ROR id -> registry "
             "organisation -> member PIC), per publication year. #15 full counting (each work 1) and author-level "
             "fractional counting (1 / authors / the author's organisations, summed over the members). #16 works with "
             ">= 2 organisations; public-public: >= 2 public; public-private: >= 1 public and >= 1 firm (EIS "
             "definition; public = OpenAlex types education, government, facility, healthcare, nonprofit, archive; "
             "private = company); shares of co-publications with an institution outside NL, in another EU-27 state, "
             "outside the EU-27. #17 proxy: distinct authors listed with two institutions of different types in one work.")
METHODS_NL = {METHOD_EN: (
    "OpenAlex-publicaties met minstens één auteur verbonden aan een lid (ROR-id van de instelling -> organisatie in het "
    "register -> PIC van een lid), per publicatiejaar. #15 gehele telling (elke publicatie 1) en fractionele telling op "
    "auteursniveau (1 / auteurs / organisaties van de auteur, opgeteld over de leden). #16 publicaties met >= 2 "
    "organisaties; publiek-publiek: >= 2 publieke; publiek-privaat: >= 1 publieke en >= 1 bedrijf (EIS-definitie; "
    "publiek = OpenAlex-typen education, government, facility, healthcare, nonprofit, archive; privaat = company); "
    "aandelen van copublicaties met een instelling buiten Nederland, in een ander EU-27-land, buiten de EU-27. "
    "#17 benadering: verschillende auteurs met twee instellingen van verschillend type in één publicatie.")}
