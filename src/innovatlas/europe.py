"""EU-wide ecosystems: one regional ecosystem per country in the data and one per NUTS-2 region, and the
European overview (issue 11, point 4).

Definitions are *generated from the workspace*: every country with participations gets an ecosystem
``eu-<iso>`` (ISO 3166-1 alpha-2 as the workspace stores countries, so the United Kingdom is ``eu-gb`` and
Greece ``eu-gr``; CORDIS writes UK and EL), named in English and Dutch from the CLDR territory names
that Babel ships, and labelled with its group: EU-27 member state, the United Kingdom (an EU member
during Horizon 2020), a country associated to Horizon 2020 (:data:`innovatlas.sources.cordis.H2020_ASSOCIATED`)
or a third country. Where the data give NUTS codes (the ``nutsCode`` column of a CORDIS
``organization.csv`` in the current layout, stored as ``organisation.nuts_code``), every NUTS-2 region
(the first four characters of the code) gets an ecosystem ``eu-nuts2-<code>`` with its country's
ecosystem as parent, named from the imported regional statistics (the Regional Innovation Scoreboard
names its regions, in the regions' own languages) or else by its code. Organisations without a NUTS
code are in no NUTS-2 ecosystem, so NUTS-2 figures are lower bounds and say so. None of the reduced
Horizon 2020 files in ``../shared/data`` carries NUTS codes (only the Horizon Dashboard export of call
year 2021 has ``nuts_3_code``, a layout the importer does not read), so the demo workspace has country
ecosystems only.

The overview (:func:`europe_overview`) shows only figures the analysis derived from CORDIS open data and
stored (``indicator_value``, ``network_metric``): the values :func:`innovatlas.analysis.summary` gives every
ecosystem page, read for all EU-wide ecosystems in one query (``tests/test_europe.py`` checks they equal
the summaries), never an imported confidential value (those are only read through
:mod:`innovatlas.disclosure`). Lower bounds say so: NUTS-2 regions leave out the organisations without a
NUTS code, and totals over all start years include the partial years of
:func:`innovatlas.analysis.partial_years`. A country's ecosystem selects by country alone, which
:func:`innovatlas.analysis.ecosystem_coverage` never counts as a lower bound (it places only Dutch
organisations in Dutch regions).

No EU boundaries are in ``../shared/data`` (the CBS boundaries cover the Netherlands only), so the
overview is a table and bar charts, without a map; the page says so.
"""

from __future__ import annotations

from typing import Any, Iterable

from innovatlas.model.ecosystem import EcosystemDefinition, EcosystemKind, EcosystemSet, Selector, to_iso
from innovatlas.sources.cordis import EU28, H2020_ASSOCIATED
from innovatlas.store import Workspace
from innovatlas.store.queries import europe as Q

__all__ = ["GROUPS", "GROUPS_SHORT", "PREFIX", "NUTS2_PREFIX", "country_group", "country_name", "country_id", "nuts2_id",
           "is_eu_ecosystem", "country_definitions", "nuts2_definitions", "build_definitions", "eu_definitions",
           "europe_overview", "europe_page_data", "NO_MAP_NOTE"]

PREFIX = "eu-"
NUTS2_PREFIX = "eu-nuts2-"

#: the groups a country falls in, in display order, with their labels (en, nl)
GROUPS: dict[str, tuple[str, str]] = {
    "eu27": ("EU-27 member state", "EU-27-lidstaat"),
    "uk": ("United Kingdom (EU member during Horizon 2020)", "Verenigd Koninkrijk (EU-lid tijdens Horizon 2020)"),
    "associated": ("associated to Horizon 2020", "geassocieerd met Horizon 2020"),
    "third": ("third country", "derde land"),
}
#: the same, short (for table cells)
GROUPS_SHORT: dict[str, tuple[str, str]] = {"eu27": ("EU-27", "EU-27"), "uk": ("UK (EU-28)", "VK (EU-28)"),
                                           "associated": ("associated", "geassocieerd"),
                                           "third": ("third country", "derde land")}
_EU27 = frozenset(to_iso(c) for c in EU28) - {"GB"}
_ASSOCIATED = frozenset(to_iso(c) for c in H2020_ASSOCIATED)

NO_MAP_NOTE = {
    "en": "No EU boundaries are in the data (the CBS boundaries cover the Netherlands only), so this overview is a "
          "table and bar charts, without a map.",
    "nl": "Er zitten geen EU-grenzen in de data (de CBS-grenzen beslaan alleen Nederland), dus dit overzicht is een "
          "tabel met staafdiagrammen, zonder kaart.",
}


# -- pure: the definitions --------------------------------------------------------------------------------------
def country_group(code: str) -> str:
    """``eu27``, ``uk``, ``associated`` or ``third`` for an ISO (or CORDIS) country code.

    >>> [country_group(c) for c in ("DE", "UK", "GB", "CH", "US")]
    ['eu27', 'uk', 'uk', 'associated', 'third']
    """
    iso = to_iso(code)
    if iso == "GB":
        return "uk"
    if iso in _EU27:
        return "eu27"
    return "associated" if iso in _ASSOCIATED else "third"


def country_name(code: str, lang: str = "en") -> str:
    """The country's name in English or Dutch (CLDR via Babel); the code itself when CLDR does not know it.

    >>> country_name("DE", "nl"), country_name("EL"), country_name("QQ")
    ('Duitsland', 'Greece', 'QQ')
    """
    from babel import Locale

    iso = to_iso(code)
    return Locale("nl" if lang == "nl" else "en").territories.get(iso) or iso


def country_id(code: str) -> str:
    """The id of a country's ecosystem (ISO code, lower case).

    >>> country_id("UK"), country_id("de")
    ('eu-gb', 'eu-de')
    """
    return PREFIX + to_iso(code).lower()


def nuts2_id(code: str) -> str:
    """The id of a NUTS-2 region's ecosystem.

    >>> nuts2_id("NL33")
    'eu-nuts2-nl33'
    """
    return NUTS2_PREFIX + code.lower()


def is_eu_ecosystem(eco_id: str) -> bool:
    return eco_id.startswith(PREFIX)


def country_definitions(countries: Iterable[str]) -> list[EcosystemDefinition]:
    """One regional ecosystem per country (ISO or CORDIS codes), ordered by group, then by code."""
    codes = sorted({to_iso(c) for c in countries if c}, key=lambda c: (list(GROUPS).index(country_group(c)), c))
    out = []
    for code in codes:
        en, nl = country_name(code, "en"), country_name(code, "nl")
        g_en, g_nl = GROUPS[country_group(code)]
        out.append(EcosystemDefinition(
            id=country_id(code), name_en=en, name_nl=nl, kind=EcosystemKind.REGIONAL,
            description=f"Every participation of an organisation in {en} ({code}, {g_en}).",
            description_nl=f"Elke deelname van een organisatie in {nl} ({code}, {g_nl}).",
            select=Selector(country=[code])))
    return out


def nuts2_definitions(codes: Iterable[str], names: dict[str, str] | None = None,
                      parents: set[str] | None = None) -> list[EcosystemDefinition]:
    """One regional ecosystem per NUTS-2 code, named from ``names`` (code -> name) or by its code, with the
    country's ecosystem as parent when ``parents`` holds its id."""
    names = names or {}
    parents = parents or set()
    out = []
    for code in sorted({c.strip().upper() for c in codes if c and len(c.strip()) >= 4}):
        name = names.get(code)
        parent = country_id(code[:2])
        out.append(EcosystemDefinition(
            id=nuts2_id(code), name_en=f"{name} ({code})" if name else f"NUTS-2 region {code}",
            name_nl=f"{name} ({code})" if name else f"NUTS-2-regio {code}", kind=EcosystemKind.REGIONAL,
            parent=parent if parent in parents else None,
            description=(f"Organisations whose NUTS code starts with {code} (NUTS-2); organisations without a NUTS "
                         "code in the data are left out, so the figures are lower bounds."),
            description_nl=(f"Organisaties waarvan de NUTS-code met {code} begint (NUTS-2); organisaties zonder "
                            "NUTS-code in de data vallen erbuiten, dus de cijfers zijn ondergrenzen."),
            select=Selector(nuts=[code])))
    return out


def build_definitions(countries: Iterable[str], nuts2: Iterable[str] = (), names: dict[str, str] | None = None,
                      base: EcosystemSet | None = None) -> EcosystemSet:
    """The EU-wide set: the countries, then the NUTS-2 regions; added to ``base`` (e.g. the built-in Dutch ones)."""
    ecos = country_definitions(countries)
    ecos += nuts2_definitions(nuts2, names, {e.id for e in ecos})
    eu = EcosystemSet(ecosystems=ecos)
    return base.merged(eu) if base is not None else eu


# -- services ----------------------------------------------------------------------------------------------------
def eu_definitions(ws: Workspace, *, with_demo: bool = True) -> EcosystemSet:
    """The EU-wide ecosystems of the data in ``ws`` (with the built-in Dutch ones unless ``with_demo=False``)."""
    from innovatlas.analysis import demo_definitions
    from innovatlas.errors import WorkspaceError

    countries = [r[0] for r in ws.rows(Q.COUNTRIES)]
    if not countries:
        raise WorkspaceError(f"workspace {ws.path} holds no participations with a country yet, so there are no "
                             "EU-wide ecosystems. Import CORDIS data first: 'innovatlas import cordis FILE'.")
    nuts2 = [r[0] for r in ws.rows(Q.NUTS2_REGIONS)]
    names = dict(ws.rows(Q.REGION_NAMES)) if nuts2 else {}
    return build_definitions(countries, nuts2, names, demo_definitions() if with_demo else None)


def _num(v: Any) -> Any:
    """A stored figure as :func:`innovatlas.analysis.summary` gives it (whole numbers as int), missing kept None."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else float(v)


def _rows(ws: Workspace, lang: str) -> list[dict[str, Any]]:
    """The headline figures of every analysed EU-wide ecosystem, in one query (the values of
    :func:`innovatlas.analysis.summary`, which costs some 70 ms an ecosystem: 12 s for 168 countries)."""
    out = []
    for r in ws.dicts(Q.FIGURES(PREFIX, PREFIX, PREFIX)):
        row = {k: (_num(v) if k not in ("ecosystem_id", "name_en", "name_nl", "parent") else v) for k, v in r.items()}
        if row["ec_contribution_eur"] is not None:
            row["ec_contribution_eur"] = round(float(row["ec_contribution_eur"]), 2)
        for k in ("network_density", "network_modularity"):
            row[k] = None if r[k] is None else float(r[k])
        row["name"] = r["name_en"] if lang == "en" else r["name_nl"]
        row["lower_bound"], row["note"] = False, None
        out.append(row)
    return out


def europe_overview(ws: Workspace, lang: str = "en") -> dict[str, Any]:
    """Per country (and NUTS-2 region, where the data give NUTS codes) the headline figures of its analysed
    ecosystem, group totals and the notes that go with them (lower bounds, partial years, no map)."""
    from innovatlas.analysis import data_end, partial_note, partial_years

    lang = "nl" if lang == "nl" else "en"
    countries, regions = [], []
    for r in _rows(ws, lang):
        if r["ecosystem_id"].startswith(NUTS2_PREFIX):
            r["code"] = r["ecosystem_id"][len(NUTS2_PREFIX):].upper()
            regions.append(r)
        else:
            r["code"] = r["ecosystem_id"][len(PREFIX):].upper()
            r["group"] = country_group(r["code"])
            r["group_label"] = GROUPS[r["group"]][lang == "nl"]
            r["group_short"] = GROUPS_SHORT[r["group"]][lang == "nl"]
            countries.append(r)
    order = list(GROUPS)
    countries.sort(key=lambda r: (order.index(r["group"]), -(r["participations"] or 0), r["code"]))
    regions.sort(key=lambda r: (-(r["participations"] or 0), r["code"]))
    # NUTS-2 figures leave out the organisations of the country without a NUTS code: lower bounds
    if regions:
        missing = {r["country"]: r for r in ws.dicts(Q.WITHOUT_NUTS2)}
        for r in regions:
            m = missing.get(to_iso(r["code"][:2]))
            if m and m["without_nuts2"]:
                r["lower_bound"] = True
                n, p = number_of(m["without_nuts2"], lang), number_of(m["participations_without_nuts2"], lang)
                r["note"] = (f"Lower bound: {n} participating organisations of this country ({p} participations) "
                             "have no NUTS code in the data and are in no NUTS-2 region."
                             if lang == "en" else
                             f"Ondergrens: {n} deelnemende organisaties uit dit land ({p} deelnames) hebben geen "
                             "NUTS-code in de data en vallen in geen NUTS-2-regio.")
    groups = []
    for g in order:  # participations, organisations and funding add up over countries (each row has one country)
        rows = [r for r in countries if r["group"] == g]
        if rows:
            groups.append({"group": g, "label": GROUPS[g][lang == "nl"], "countries": len(rows),
                           "participations": sum(r["participations"] or 0 for r in rows),
                           "organisations": sum(r["organisations"] or 0 for r in rows),
                           "ec_contribution_eur": round(sum(r["ec_contribution_eur"] or 0 for r in rows), 2)})
    no_country = ws.scalar(Q.NO_COUNTRY) or 0
    years = sorted(partial_years(ws))
    end = data_end(ws)
    totals_note = None
    if years:
        totals_note = ((f"Totals over all start years include the partial years {', '.join(map(str, years))} "
                        f"(data end {end}): projects signed after the data end are not in the data, so the totals "
                        "are lower bounds.") if lang == "en" else
                       (f"Totalen over alle startjaren omvatten de onvolledige jaren {', '.join(map(str, years))} "
                        f"(data tot en met {end}): projecten die later zijn getekend staan niet in de data, dus de "
                        "totalen zijn ondergrenzen."))
    return {
        "analysed": bool(countries),
        "countries": countries, "regions": regions, "groups": groups,
        "nuts2_in_data": bool(regions),
        "no_country_participations": no_country,
        "no_country_note": (None if not no_country else
                            (f"{number_of(no_country, lang)} participations have no country in the data and are in "
                             "no country's ecosystem." if lang == "en" else
                             f"{number_of(no_country, lang)} deelnames hebben geen land in de data en vallen in "
                             "geen ecosysteem van een land.")),
        "partial_years": years, "data_end": end, "partial_note": partial_note(ws, lang), "totals_note": totals_note,
        "lower_bound": bool(totals_note) or any(r["lower_bound"] for r in countries + regions),
        "map_note": NO_MAP_NOTE[lang],
        "how": ("Run 'innovatlas analyse --ecosystems eu' to analyse one ecosystem per country (and NUTS-2 region)."
                if lang == "en" else
                "Draai 'innovatlas analyse --ecosystems eu' om één ecosysteem per land (en NUTS-2-regio) te analyseren."),
    }


def number_of(v: Any, lang: str) -> str:
    from innovatlas.report.labels import number

    return number(v, lang)


def europe_page_data(ws: Workspace, lang: str = "en", top: int = 30) -> dict[str, Any]:
    """The overview with its bar charts (Vega-Lite, rendered to SVG): the ``top`` countries by participations,
    by EC contribution and by collaboration relations inside the country."""
    from innovatlas.report.charts import PALETTE, bar_chart
    from innovatlas.report.i18n import t

    ov = europe_overview(ws, lang)
    colour = {g: PALETTE[i] for i, g in enumerate(GROUPS)}

    def chart(key: str, title: str, x_title: str, scale: float = 1.0):
        rows = sorted(ov["countries"], key=lambda r: (-(r[key] or 0), r["code"]))[:top]
        return bar_chart([(r["name"], None if r[key] is None else r[key] / scale, f"{r['name']} ({r['group_label']})")
                          for r in rows], colours=[colour[r["group"]] for r in rows], title=title, lang=lang,
                         x_title=x_title)

    charts = []
    if ov["countries"]:
        charts = [
            {"title": t("europe_chart_participations", lang, n=top),
             "svg": chart("participations", t("europe_chart_participations", lang, n=top), t("participations", lang))},
            {"title": t("europe_chart_ec", lang, n=top),
             "svg": chart("ec_contribution_eur", t("europe_chart_ec", lang, n=top), t("ec_contribution_meur", lang), 1e6)},
            {"title": t("europe_chart_relations", lang, n=top),
             "svg": chart("relations_internal", t("europe_chart_relations", lang, n=top), t("europe_relations_internal", lang))},
        ]
    legend = [{"label": GROUPS[g][lang == "nl"], "colour": colour[g]} for g in GROUPS
              if any(r["group"] == g for r in ov["countries"])]
    return {**ov, "charts": charts, "legend": legend, "top": top}
