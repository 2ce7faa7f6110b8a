"""Queries behind :mod:`innovatlas.organisations`: the derived organisation table and the placement of
Dutch organisations on the map (the rules are in that module's docstring).

The place-name fragments (:func:`norm_place_sql`, :func:`clean_text_sql`, :func:`actor_type_sql` and the
alias table :data:`PLACE_ALIASES`) are re-exported by :mod:`innovatlas.organisations`. Both derivations
write the workspace's own tables inside the import transaction: DuckDB only.
"""

from __future__ import annotations

from innovatlas.model.actors import NAME_RULES
from innovatlas.model.ecosystem import KNOWLEDGE_CITIES
from innovatlas.store.relational import DUCKDB_ONLY, query

__all__ = ["PLACE_ALIASES", "norm_place_sql", "clean_text_sql", "actor_type_sql", "DELETE_ORGANISATIONS",
           "DERIVE_ORGANISATIONS", "DELETE_LOCATIONS", "LOCATE_ORGANISATIONS"]

#: Normalised place name -> normalised municipality name.
PLACE_ALIASES: dict[str, str] = {
    "DEN HAAG": "S GRAVENHAGE", "THE HAGUE": "S GRAVENHAGE", "HAGUE": "S GRAVENHAGE", "GRAVENHAGE": "S GRAVENHAGE",
    "LA HAYE": "S GRAVENHAGE", "DEN BOSCH": "S HERTOGENBOSCH", "HERTOGENBOSCH": "S HERTOGENBOSCH",
    "BOIS LE DUC": "S HERTOGENBOSCH", "SON": "SON EN BREUGEL", "NIMWEGEN": "NIJMEGEN",
    "GRONINGUE": "GRONINGEN", "AMSTERDAM Z O": "AMSTERDAM", "AMSTERDAM ZO": "AMSTERDAM", "ULTRECHT": "UTRECHT",
    # Villages and districts named as 'city' by Dutch CORDIS participants -> their 2015 municipality.
    "BILTHOVEN": "DE BILT", "RIJSSEN": "RIJSSEN HOLTEN", "HOLTEN": "RIJSSEN HOLTEN", "SASSENHEIM": "TEYLINGEN",
    "WARMOND": "TEYLINGEN", "SCHIPHOL RIJK": "HAARLEMMERMEER", "LUCHTHAVEN SCHIPHOL": "HAARLEMMERMEER",
    "SCHIPHOL": "HAARLEMMERMEER", "NIEUW VENNEP": "HAARLEMMERMEER", "ZWANENBURG": "HAARLEMMERMEER",
    "HOOFDDORP": "HAARLEMMERMEER", "DRUNEN": "HEUSDEN", "FARMSUM": "DELFZIJL", "IJSSELMUIDEN": "KAMPEN",
    "DEN OEVER": "HOLLANDS KROON", "MIDDENMEER": "HOLLANDS KROON", "WIERINGERWERF": "HOLLANDS KROON",
    "RODEN": "NOORDENVELD", "EERBEEK": "BRUMMEN", "MARKNESSE": "NOORDOOSTPOLDER", "EMMELOORD": "NOORDOOSTPOLDER",
    "BIDDINGHUIZEN": "DRONTEN", "SPIJKENISSE": "NISSEWAARD", "NAALDWIJK": "WESTLAND", "POELDIJK": "WESTLAND",
    "MAASDIJK": "WESTLAND", "HONSELERSDIJK": "WESTLAND", "DEN HOORN": "MIDDEN DELFLAND", "DEN HOORN TEXEL": "TEXEL",
    "LEIDSCHENDAM": "LEIDSCHENDAM VOORBURG", "VOORBURG": "LEIDSCHENDAM VOORBURG", "DE MEERN": "UTRECHT",
    "BERGSCHENHOEK": "LANSINGERLAND", "BLEISWIJK": "LANSINGERLAND", "BERKEL EN RODENRIJS": "LANSINGERLAND",
    "BOSKOOP": "ALPHEN AAN DEN RIJN", "KOUDEKERK AAN DEN RIJN": "ALPHEN AAN DEN RIJN",
    "ROELOFARENDSVEEN": "KAAG EN BRAASSEM", "WOUBRUGGE": "KAAG EN BRAASSEM", "TWELLO": "VOORST",
    "HUISSEN": "LINGEWAARD", "KESTEREN": "NEDER BETUWE", "RANDWIJK": "OVERBETUWE", "JOURE": "DE FRYSKE MARREN",
    "FRANEKER": "FRANEKERADEEL", "DENEKAMP": "DINKELLAND", "WIJHE": "OLST WIJHE", "DINXPERLO": "AALTEN",
    "GIESBEEK": "RIJNWAARDEN", "AERDT": "RIJNWAARDEN", "VINKEVEEN": "DE RONDE VENEN", "NUMANSDORP": "CROMSTRIJEN",
    "AERDENHOUT": "BLOEMENDAAL", "PATERSWOLDE": "TYNAARLO", "SWALMEN": "ROERMOND", "URMOND": "STEIN",
    "MOERGESTEL": "OISTERWIJK", "ROZENBURG": "ROTTERDAM", "LIMMEN": "CASTRICUM", "DE RIJP": "ALKMAAR",
    "BRESKENS": "SLUIS", "STRAMPROY": "WEERT", "UFFELTE": "WESTERVELD", "NIEUWERKERK AAN DEN IJSSEL": "ZUIDPLAS",
    "BEESD": "GELDERMALSEN", "KINDERDIJK": "MOLENWAARD", "SPRANG CAPELLE": "WAALWIJK", "FIJNAART": "MOERDIJK",
    "HEERLE": "ROOSENDAAL", "MOERSTRATEN": "ROOSENDAAL", "KEDICHEM": "LEERDAM", "BERGHEM": "OSS",
    "SCHEEMDA": "OLDAMBT", "GROET": "SCHAGEN", "ZWAAGDIJK OOST": "MEDEMBLIK", "KRIMPEN AAN DE LEK": "KRIMPENERWAARD",
    "STAD AAN T HARINGVLIET": "GOEREE OVERFLAKKEE", "BROEK OP LANGEDIJK": "LANGEDIJK",
    "BROEKEN OP LANGEDIJK": "LANGEDIJK",
    "2E EXLOERMOND": "BORGER ODOORN", "NIEUWDORP": "BORSELE", "HOEK": "TERNEUZEN", "ZWIJNDRECHT NL": "ZWIJNDRECHT",
    "GELEEN": "SITTARD GELEEN", "SITTARD": "SITTARD GELEEN", "ENSCHEDE TWENTE": "ENSCHEDE",
}


def norm_place_sql(expr: str) -> str:
    """SQL expression normalising a place name (upper case, ASCII, single spaces, no province tag)."""
    e = f"upper(strip_accents(coalesce({expr}, '')))"
    e = f"regexp_replace({e}, '[^A-Z0-9]+', ' ', 'g')"
    e = f"trim({e})"
    e = f"regexp_replace({e}, '^[0-9]{{4}} ?[A-Z]{{2}} ', '')"
    e = f"regexp_replace({e}, ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$', '')"
    return f"trim({e})"


def _alias_values() -> str:
    return ", ".join(f"('{k}', '{v}')" for k, v in PLACE_ALIASES.items())


def _canon(expr: str) -> str:
    n = norm_place_sql(expr)
    return f"coalesce((SELECT a.to_ FROM (VALUES {_alias_values()}) a(from_, to_) WHERE a.from_ = {n}), {n})"


def clean_text_sql(expr: str) -> str:
    """SQL expression cleaning a source text value (the raw value stays in ``organisation_record``).

    Trims spaces; a value wrapped in double quotes loses them (inner doubled quotes become one,
    as in CSV); a value with an odd number of double quotes loses a stray one at either end
    (``London"`` -> ``London``). Balanced quotes inside (``ASOCIATIA "GREEN ENERGY"``) and the
    apostrophe of ``'s-Hertogenbosch`` stay. Empty -> NULL.
    """
    t = f"trim({expr})"
    quotes = f"(length({t}) - length(replace({t}, '\"', '')))"
    # the regular expression '^".*"$' as plain string tests ('.' does not match a newline); values without a
    # double quote (nearly all) take the first branch without counting quotes
    wrapped = f"(starts_with({t}, '\"') AND ends_with({t}, '\"') AND NOT contains({t}, chr(10)))"
    return (f"nullif(trim(CASE WHEN NOT contains({t}, '\"') THEN {t} "
            f"WHEN {wrapped} AND length({t}) > 1 "
            f"THEN replace(substr({t}, 2, length({t}) - 2), '\"\"', '\"') "
            f"WHEN {quotes} % 2 = 1 THEN regexp_replace({t}, '^\"|\"$', '', 'g') ELSE {t} END), '')")


def actor_type_sql(activity: str, sme: str, name: str) -> str:
    """SQL CASE giving the framework actor type (see :mod:`innovatlas.model.actors`)."""
    rules = []
    for activities, pattern, result in NAME_RULES:
        acts = ", ".join(f"'{a}'" for a in sorted(activities))
        pat = pattern.pattern.replace("'", "''")
        rules.append(f"WHEN {activity} IN ({acts}) AND regexp_matches(upper(coalesce({name}, '')), '{pat}') "
                     f"THEN '{result.value}'")
    base = (f"CASE {activity} WHEN 'PRC' THEN (CASE WHEN {sme} THEN 'sme' WHEN NOT {sme} THEN 'large_firm' "
            f"ELSE 'firm' END) WHEN 'HES' THEN 'higher_education' WHEN 'REC' THEN 'research_organisation' "
            f"WHEN 'PUB' THEN 'public_body' ELSE 'other' END")
    return f"CASE {' '.join(rules)} ELSE {base} END"


DELETE_ORGANISATIONS = query("organisations.delete_organisations", "DELETE FROM organisation", engines=DUCKDB_ONLY)

# Two keyed sets (one row per PIC), joined in one join: the records' best name and address fields in one
# aggregate, the participations' summary in another. (Before, the best record was a window over whole records
# joined with two aggregates; DuckDB could not keep that under the import's memory limit; issue 20.) The best
# record is the first by ((name IS NULL), priority, batch_id DESC, source_row NULLS LAST).
DERIVE_ORGANISATIONS = query("organisations.derive_organisations", f"""
    INSERT INTO organisation
    WITH best AS (   -- the best record of each PIC, found by its row id, then read once (issue 20: an arg_min
                     -- carrying a struct of six fields cost 5x this)
        SELECT arg_min(rowid, ((name IS NULL)::HUGEINT << 110) + (priority::HUGEINT << 100)
                              + ((2147483647 - batch_id)::HUGEINT << 64)
                              + coalesce(source_row, 9223372036854775807)::HUGEINT) AS r
        FROM organisation_record GROUP BY pic
    ), b AS (
        SELECT o.pic, {{'name': name, 'short_name': short_name, 'sme': sme, 'country': country,
                       'batch_id': batch_id, 'source_row': source_row}} AS b
        FROM organisation_record o SEMI JOIN best ON o.rowid = best.r
    ), a AS (
    SELECT pic,
           -- address fields may come from a lower-priority record when the best has none
           arg_min(city, priority * 1000000 + source_row) FILTER (WHERE city IS NOT NULL AND trim(city) <> '') AS city,
           arg_min(postcode, priority * 1000000 + source_row) FILTER (WHERE postcode IS NOT NULL AND trim(postcode) <> '') AS postcode,
           arg_min(street, priority * 1000000 + source_row) FILTER (WHERE street IS NOT NULL) AS street,
           arg_min(nuts_code, priority) FILTER (WHERE nuts_code IS NOT NULL) AS nuts_code,
           arg_min(activity_type, priority) FILTER (WHERE activity_type IS NOT NULL) AS activity_type
    FROM organisation_record GROUP BY pic
    ), l AS (SELECT a.*, b.b FROM a JOIN b USING (pic)
    ), p AS (
        SELECT pic, count(*) AS n, mode(activity_type) AS activity_type, mode(country) AS country,
               arg_max(sme, batch_id) FILTER (WHERE sme IS NOT NULL) AS sme
        FROM participation GROUP BY pic
    )
    SELECT coalesce(l.pic, p.pic), {clean_text_sql('l.b.name')}, coalesce({clean_text_sql('l.b.name')}, 'PIC ' || coalesce(l.pic, p.pic)),
           {clean_text_sql('l.b.short_name')},
           coalesce(p.activity_type, l.activity_type) AS act,
           {actor_type_sql('coalesce(p.activity_type, l.activity_type)', 'coalesce(p.sme, l.b.sme)', 'l.b.name')},
           coalesce(p.sme, l.b.sme), {clean_text_sql('l.street')}, {clean_text_sql('l.postcode')},
           {clean_text_sql('l.city')}, coalesce(p.country, l.b.country), l.nuts_code,
           l.b.batch_id, l.b.source_row, coalesce(p.n, 0)
    FROM l FULL OUTER JOIN p ON p.pic = l.pic""", engines=DUCKDB_ONLY)

DELETE_LOCATIONS = query("organisations.delete_locations", "DELETE FROM org_location", engines=DUCKDB_ONLY)

#: (knowledge city, municipality name) rows, quotes doubled
_KC = ", ".join(f"('{k}', '{v.replace(chr(39), chr(39) * 2)}')" for k, v in KNOWLEDGE_CITIES.items())
LOCATE_ORGANISATIONS = query("organisations.locate_organisations", f"""
    INSERT INTO org_location
    WITH muni AS (   -- one row per canonical municipality name; 2015 rows carry COROP and province
        SELECT canon, arg_min(code, year) AS code, arg_min(name, year) AS name,
               arg_min(corop_code, year) FILTER (WHERE corop_code IS NOT NULL) AS corop_code,
               arg_min(province_code, year) FILTER (WHERE province_code IS NOT NULL) AS province_code
        FROM (SELECT *, {_canon('name')} AS canon FROM geo_region WHERE level = 'municipality')
        GROUP BY canon
    ), place AS (
        SELECT {_canon('place')} AS canon_place, mode({_canon('municipality')}) AS canon_muni
        FROM geo_place GROUP BY 1
    ), nl AS (
        SELECT pic, city, postcode, nuts_code, {_canon('city')} AS c,
               regexp_extract(coalesce(postcode, ''), '([0-9]{{4}})', 1) AS pc4
        FROM organisation WHERE country = 'NL'
    ), by_name AS (
        SELECT nl.*, coalesce(m1.canon, m2.canon) AS canon,
               CASE WHEN m1.canon IS NOT NULL THEN 'municipality name'
                    WHEN m2.canon IS NOT NULL THEN 'place name (ROR/GeoNames)' END AS method
        FROM nl LEFT JOIN muni m1 ON m1.canon = nl.c
                LEFT JOIN place p ON p.canon_place = nl.c AND m1.canon IS NULL
                LEFT JOIN muni m2 ON m2.canon = p.canon_muni
    ), pc4 AS (
        SELECT pc4, mode(canon) AS canon FROM by_name WHERE canon IS NOT NULL AND pc4 <> '' GROUP BY pc4
    ), placed AS (
        SELECT b.pic, b.nuts_code, b.city, b.postcode,
               coalesce(b.canon, q.canon, m3.canon) AS canon,
               coalesce(b.method, CASE WHEN q.canon IS NOT NULL THEN 'postcode area (PC4 majority)'
                                       WHEN m3.canon IS NOT NULL THEN 'first word of city' END) AS method
        FROM by_name b
        LEFT JOIN pc4 q ON b.canon IS NULL AND q.pc4 = b.pc4 AND b.pc4 <> ''
        LEFT JOIN muni m3 ON b.canon IS NULL AND q.canon IS NULL AND m3.canon = split_part(b.c, ' ', 1)
    ), nuts AS (   -- NUTS-3 code -> COROP region, through ROR's NUTS-3 names or its places
        SELECT g.nuts3_code, coalesce(arg_max(cr.code, 1), mode(m.corop_code)) AS corop_code
        FROM geo_place g
        LEFT JOIN geo_region cr ON cr.level = 'corop' AND {_canon('cr.name')} = {_canon('g.nuts3_name')}
        LEFT JOIN muni m ON m.canon = {_canon('g.municipality')}
        WHERE g.nuts3_code IS NOT NULL GROUP BY g.nuts3_code
    )
    SELECT p.pic, m.code, m.name,
           coalesce(m.corop_code, n.corop_code), cr.name,
           coalesce(m.province_code, cr.province_code), pv.name,
           kc.city,
           CASE WHEN m.code IS NOT NULL THEN p.method
                WHEN n.corop_code IS NOT NULL THEN 'NUTS-3 code (COROP and province only)'
                WHEN coalesce(p.city, '') = '' AND coalesce(p.postcode, '') = '' THEN 'unplaced: no city or postcode in any source'
                ELSE 'unplaced: city not recognised: ' || coalesce(p.city, '') END
    FROM placed p
    LEFT JOIN muni m ON m.canon = p.canon
    LEFT JOIN nuts n ON m.code IS NULL AND n.nuts3_code = p.nuts_code
    LEFT JOIN (SELECT code, arg_max(name, year) AS name, arg_max(province_code, year) AS province_code
               FROM geo_region WHERE level = 'corop' GROUP BY code) cr
           ON cr.code = coalesce(m.corop_code, n.corop_code)
    LEFT JOIN (SELECT code, arg_max(name, year) AS name FROM geo_region WHERE level = 'province' GROUP BY code) pv
           ON pv.code = coalesce(m.province_code, cr.province_code)
    LEFT JOIN (VALUES {_KC}) kc(city, muni) ON kc.muni = m.name""", engines=DUCKDB_ONLY)
