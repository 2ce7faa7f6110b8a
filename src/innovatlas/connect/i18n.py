"""Strings of the connection agenda in English and Dutch, and number formatting for the language."""

from __future__ import annotations

from typing import Any

__all__ = ["ct", "num", "STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "agenda": {"en": "Connection agenda of the knowledge cities", "nl": "Verbindingsagenda van de kennissteden"},
    "agenda_intro": {
        "en": "Where the thirteen knowledge cities (Netwerk Kennissteden Nederland) are jointly specialised, where they "
              "complement each other, how they are connected with each other and with the world, and who bridges them. "
              "From the Horizon 2020 participations in the workspace.",
        "nl": "Waar de dertien kennissteden (Netwerk Kennissteden Nederland) samen gespecialiseerd zijn, waar ze elkaar "
              "aanvullen, hoe ze met elkaar en met de wereld verbonden zijn, en wie ze verbindt. Op basis van de "
              "Horizon 2020-deelnames in de werkruimte."},
    "scope": {"en": "City as", "nl": "Stad als"},
    "scope_municipality": {"en": "municipality", "nl": "gemeente"},
    "scope_adjacent": {"en": "city region (with adjacent municipalities)", "nl": "stadsregio (met aangrenzende gemeenten)"},
    "scope_corop": {"en": "COROP region", "nl": "COROP-gebied"},
    "reference": {"en": "Reference population", "nl": "Referentiepopulatie"},
    "ref_nl": {"en": "the Netherlands", "nl": "Nederland"},
    "ref_eu28": {"en": "EU-28", "nl": "EU-28"},
    "ref_all": {"en": "all participants", "nl": "alle deelnemers"},
    "measure": {"en": "Measure", "nl": "Maat"},
    "m_participations": {"en": "participations", "nl": "deelnames"},
    "m_organisations": {"en": "organisations", "nl": "organisaties"},
    "m_funding": {"en": "EC funding", "nl": "EU-financiering"},
    "show": {"en": "Show", "nl": "Toon"},
    "heatmap": {"en": "Specialisation profile (RSCA): themes x cities", "nl": "Specialisatieprofiel (RSCA): thema's x steden"},
    "heatmap_note": {
        "en": "Balassa's revealed comparative advantage (Balassa 1965), symmetric: RSCA = (RCA − 1)/(RCA + 1), from −1 to 1. "
              "Red: relatively specialised, blue: relatively weak, against {ref}, by {measure}. Themes are the Horizon 2020 "
              "programme parts; a bold cell is a specialisation (RSCA > 0 and at least {min} participations). "
              "H2020 topics, EuroSciVoc fields and publication topics are not in the imported data.",
        "nl": "Balassa's ‘revealed comparative advantage’ (Balassa 1965), symmetrisch: RSCA = (RCA − 1)/(RCA + 1), van −1 tot 1. "
              "Rood: relatief gespecialiseerd, blauw: relatief zwak, ten opzichte van {ref}, naar {measure}. Thema's zijn de "
              "programmaonderdelen van Horizon 2020; een vette cel is een specialisatie (RSCA > 0 en minstens {min} deelnames). "
              "H2020-topics, EuroSciVoc-velden en publicatieonderwerpen staan niet in de geïmporteerde gegevens."},
    "similarity": {"en": "Similarity of specialisation profiles (cosine of RSCA vectors)",
                   "nl": "Gelijkenis van specialisatieprofielen (cosinus van de RSCA-vectoren)"},
    "similarity_note": {"en": "cos(a, b) = Σ a_t b_t / (|a| |b|): 1 = the same strengths and weaknesses, −1 = mirror images. "
                              "Below the diagonal: complementarity index (share of the pair's specialisations held by only one).",
                        "nl": "cos(a, b) = Σ a_t b_t / (|a| |b|): 1 = dezelfde sterke en zwakke punten, −1 = spiegelbeeld. "
                              "Onder de diagonaal: complementariteitsindex (aandeel van de specialisaties van het paar dat maar één van beide heeft)."},
    "in_words": {"en": "In words", "nl": "In woorden"},
    "similar_pair": {"en": "{a} and {b} have similar profiles (cosine {cos}); jointly specialised in: {themes}.",
                     "nl": "{a} en {b} hebben een vergelijkbaar profiel (cosinus {cos}); samen gespecialiseerd in: {themes}."},
    "complementary_pair": {"en": "{a} and {b} complement each other: {a} brings {ta}; {b} brings {tb}.",
                           "nl": "{a} en {b} vullen elkaar aan: {a} brengt {ta}; {b} brengt {tb}."},
    "joint_theme": {"en": "{theme}: {n} cities jointly specialised ({names}): a candidate for open-innovation collaboration.",
                    "nl": "{theme}: {n} steden samen gespecialiseerd ({names}): kandidaat voor open-innovatiesamenwerking."},
    "joint": {"en": "Joint specialisation", "nl": "Gezamenlijke specialisatie"},
    "connections": {"en": "Connections between the cities", "nl": "Verbindingen tussen de steden"},
    "connections_note": {
        "en": "Joint projects: Horizon 2020 projects with a member of both (different organisations). Normalised by "
              "association strength AS = c_ij / (s_i s_j) (van Eck & Waltman 2009, J. Am. Soc. Inf. Sci. Technol. 60(8)), "
              "shown as observed/expected = c_ij · m / (s_i s_j), with s_i the projects of city i and m = {m} projects in "
              "the period: above 1, the two cities work together more than their sizes predict.",
        "nl": "Gezamenlijke projecten: Horizon 2020-projecten met een lid van beide (verschillende organisaties). Genormaliseerd "
              "met associatiesterkte AS = c_ij / (s_i s_j) (van Eck & Waltman 2009, J. Am. Soc. Inf. Sci. Technol. 60(8)), "
              "getoond als waargenomen/verwacht = c_ij · m / (s_i s_j), met s_i de projecten van stad i en m = {m} projecten "
              "in de periode: boven 1 werken de steden vaker samen dan hun omvang doet verwachten."},
    "raw": {"en": "Joint projects (above the diagonal) and observed/expected (below)",
            "nl": "Gezamenlijke projecten (boven de diagonaal) en waargenomen/verwacht (onder)"},
    "map_links": {"en": "Links between the cities (line width: observed/expected; hover for figures)",
                  "nl": "Verbindingen tussen de steden (lijndikte: waargenomen/verwacht; zweef voor cijfers)"},
    "period": {"en": "Period (project start years)", "nl": "Periode (startjaren projecten)"},
    "all_years": {"en": "all years", "nl": "alle jaren"},
    "pair": {"en": "Pair", "nl": "Paar"},
    "joint_projects": {"en": "Joint projects", "nl": "Gezamenlijke projecten"},
    "org_pairs": {"en": "Organisation pairs", "nl": "Organisatieparen"},
    "joint_ec": {"en": "EC funding of joint projects (EUR)", "nl": "EU-bijdrage gezamenlijke projecten (EUR)"},
    "obs_exp": {"en": "Observed/expected", "nl": "Waargenomen/verwacht"},
    "assoc": {"en": "Association strength", "nl": "Associatiesterkte"},
    "bridges": {"en": "Top bridges between the cities", "nl": "Belangrijkste bruggen tussen de steden"},
    "bridges_note": {"en": "Organisations with joint projects with the most other knowledge cities, and the pair whose links they carry most.",
                     "nl": "Organisaties met gezamenlijke projecten met de meeste andere kennissteden, en het paar waarvan ze de meeste verbindingen dragen."},
    "organisation": {"en": "Organisation", "nl": "Organisatie"},
    "city": {"en": "City", "nl": "Stad"},
    "cities_linked": {"en": "Other cities linked", "nl": "Andere steden verbonden"},
    "carries": {"en": "Carries most of", "nl": "Draagt het meest bij aan"},
    "share_of_pair": {"en": "share of that pair's joint projects", "nl": "aandeel in de gezamenlijke projecten van dat paar"},
    "multi_members": {"en": "Members of several ecosystems", "nl": "Leden van meerdere ecosystemen"},
    "multi_members_regions": {"en": "Members of several city regions (the regions overlap where cities are neighbours): {n} organisations, e.g.",
                              "nl": "Leden van meerdere stadsregio's (de regio's overlappen waar steden buren zijn): {n} organisaties, bijvoorbeeld"},
    "pipelines": {"en": "Local buzz and global pipelines", "nl": "‘Local buzz’ en ‘global pipelines’"},
    "pipelines_note": {"en": "Share of each city's collaboration relations (distinct organisation pairs, as indicator #18) that stay in the city, "
                             "go elsewhere in the Netherlands, to the EU-28, to associated countries or to third countries; top foreign partner countries.",
                       "nl": "Aandeel van de samenwerkingsrelaties van elke stad (verschillende organisatieparen, als indicator #18) dat in de stad blijft, "
                             "elders in Nederland, in de EU-28, in geassocieerde landen of in derde landen ligt; belangrijkste buitenlandse partnerlanden."},
    "local": {"en": "in the city", "nl": "in de stad"},
    "national": {"en": "rest of NL", "nl": "rest van NL"},
    "eu": {"en": "EU-28", "nl": "EU-28"},
    "associated": {"en": "associated", "nl": "geassocieerd"},
    "third_country": {"en": "third countries", "nl": "derde landen"},
    "top_countries": {"en": "Top foreign partner countries", "nl": "Belangrijkste buitenlandse partnerlanden"},
    "top_foreign": {"en": "Top foreign partner organisations", "nl": "Belangrijkste buitenlandse partnerorganisaties"},
    "regions": {"en": "Knowledge cities as city regions", "nl": "Kennissteden als stadsregio's"},
    "regions_note": {"en": "Dutch participating organisations placed in the municipality, with its adjacent municipalities (CBS boundaries, shapely), "
                           "and in its COROP region. City regions overlap (Delft's neighbours include Den Haag and Rotterdam).",
                     "nl": "Nederlandse deelnemende organisaties in de gemeente, met de aangrenzende gemeenten (CBS-grenzen, shapely), "
                           "en in het COROP-gebied. Stadsregio's overlappen (de buren van Delft zijn onder meer Den Haag en Rotterdam)."},
    "municipality": {"en": "Municipality", "nl": "Gemeente"},
    "adjacent": {"en": "+ adjacent", "nl": "+ aangrenzend"},
    "corop": {"en": "COROP region", "nl": "COROP-gebied"},
    "added": {"en": "added", "nl": "erbij"},
    "downloads": {"en": "Downloads", "nl": "Downloads"},
    "dynamics": {"en": "Dynamics and stage", "nl": "Dynamiek en fase"},
    "stage": {"en": "Stage", "nl": "Fase"},
    "stage_emerging": {"en": "emerging", "nl": "opkomend"},
    "stage_growing": {"en": "growing", "nl": "groeiend"},
    "stage_mature": {"en": "mature", "nl": "volwassen"},
    "stage_renewing": {"en": "renewing", "nl": "vernieuwend"},
    "stage_declining": {"en": "declining", "nl": "krimpend"},
    "stage_insufficient": {"en": "not enough years of data", "nl": "te weinig jaren met gegevens"},
    "refname_nl": {"en": "all Dutch participants", "nl": "alle Nederlandse deelnemers"},
    "refname_nl_placed": {"en": "Dutch participants placed on the map", "nl": "op de kaart geplaatste Nederlandse deelnemers"},
    "placement_note": {"en": "Organisations are placed from names and addresses of 2016-2017 snapshots: later newcomers are unplaced more often, so a city's entrants after 2017 are a lower bound.",
                       "nl": "Organisaties worden geplaatst met namen en adressen uit momentopnamen van 2016-2017: latere nieuwkomers blijven vaker ongeplaatst, dus de nieuwkomers van een stad na 2017 zijn een ondergrens."},
    "growth_col": {"en": "growth vs reference", "nl": "groei t.o.v. referentie"},
    "newcomers_col": {"en": "newcomers (late half)", "nl": "nieuwkomers (late helft)"},
    "mun": {"en": "municipalities", "nl": "gemeenten"},
    "stage_rule": {"en": "Rule", "nl": "Regel"},
    "year": {"en": "Year", "nl": "Jaar"},
    "active": {"en": "Active members", "nl": "Actieve leden"},
    "entrants": {"en": "Entrants", "nl": "Nieuwkomers"},
    "stayers": {"en": "Stayers", "nl": "Blijvers"},
    "leavers": {"en": "Leavers", "nl": "Vertrekkers"},
    "funding": {"en": "EC funding (EUR)", "nl": "EU-bijdrage (EUR)"},
    "links": {"en": "Links inside", "nl": "Verbindingen binnen"},
    "survival": {"en": "Cohort survival (share of an entry cohort still active k years later)",
                 "nl": "Overleving van cohorten (aandeel van een instroomcohort dat k jaar later nog actief is)"},
    "cohort": {"en": "Entry year", "nl": "Instroomjaar"},
    "partial_note": {"en": "Complete start years only: {years}. Left out: {partial} (partial: the data end in December {last}) and {ramp} (programme ramp-up).",
                     "nl": "Alleen volledige startjaren: {years}. Weggelaten: {partial} (onvolledig: de gegevens lopen tot december {last}) en {ramp} (aanloop van het programma)."},
    "dyn_defs": {"en": "A member is active in a year when it starts an in-scope project that year. Entrant: first active year; stayer: active and active before; "
                       "leaver: last active year was the year before (so far: a later project after the data end would bring it back).",
                 "nl": "Een lid is actief in een jaar als het dat jaar een project in scope start. Nieuwkomer: eerste actieve jaar; blijver: actief en eerder al actief; "
                       "vertrekker: laatste actieve jaar was het jaar ervoor (tot nu toe: een later project na het einde van de gegevens brengt het terug)."},
    "connections_eco": {"en": "Connections with the other knowledge cities", "nl": "Verbindingen met de andere kennissteden"},
    "consortium": {"en": "Consortium builder", "nl": "Consortiumbouwer"},
    "consortium_intro": {"en": "Candidate partners for a white spot of {eco}, ranked by fit: experience in the theme, the actor type wanted, "
                                "existing ties to members (direct and through common partners) and complementarity of profiles. Each with its evidence.",
                         "nl": "Kandidaat-partners voor een witte vlek van {eco}, gerangschikt naar passendheid: ervaring in het thema, het gewenste actortype, "
                                "bestaande banden met leden (direct en via gemeenschappelijke partners) en complementariteit van profielen. Elk met onderbouwing."},
    "theme": {"en": "Theme", "nl": "Thema"},
    "actor_type": {"en": "Actor type", "nl": "Actortype"},
    "challenge": {"en": "Challenge", "nl": "Uitdaging"},
    "where": {"en": "Where", "nl": "Waar"},
    "where_nl": {"en": "the Netherlands", "nl": "Nederland"},
    "where_eu": {"en": "EU-wide", "nl": "EU-breed"},
    "any": {"en": "any", "nl": "alle"},
    "rank": {"en": "#", "nl": "#"},
    "score": {"en": "Fit", "nl": "Passendheid"},
    "evidence": {"en": "Evidence", "nl": "Onderbouwing"},
    "theme_projects": {"en": "projects in the theme", "nl": "projecten in het thema"},
    "theme_ec": {"en": "EC funding in the theme", "nl": "EU-bijdrage in het thema"},
    "members_tied": {"en": "members already worked with", "nl": "leden waarmee al samengewerkt"},
    "common_partners": {"en": "common partners", "nl": "gemeenschappelijke partners"},
    "profile_cosine": {"en": "profile similarity (cosine)", "nl": "gelijkenis profiel (cosinus)"},
    "lacking_types": {"en": "Actor types the ecosystem lacks (RSCA < 0 against NL)", "nl": "Actortypen die het ecosysteem mist (RSCA < 0 t.o.v. NL)"},
    "weights": {"en": "Weights", "nl": "Gewichten"},
    "no_candidates": {"en": "No candidates in the data for this white spot.", "nl": "Geen kandidaten in de gegevens voor deze witte vlek."},
    "open_builder": {"en": "Find partners for a white spot (consortium builder)", "nl": "Zoek partners voor een witte vlek (consortiumbouwer)"},
    "agenda_link": {"en": "Connection agenda", "nl": "Verbindingsagenda"},
    "not_in_data": {"en": "not in the data", "nl": "niet in de gegevens"},
}


def ct(key: str, lang: str = "en", **kw: Any) -> str:
    entry = STRINGS.get(key)
    text = key if entry is None else entry.get(lang, entry["en"])
    return text.format(**kw) if kw else text


def num(v: Any, lang: str = "en", digits: int = 0) -> str:
    """A number formatted for the language; ``None`` is "–" (not in the data).

    >>> num(12345.678, "nl", 1), num(12345.678, "en", 1), num(None, "nl")
    ('12.345,7', '12,345.7', '–')
    """
    if v is None:
        return "–"
    s = f"{v:,.{digits}f}"
    return s.translate(str.maketrans(",.", ".,")) if lang == "nl" else s
