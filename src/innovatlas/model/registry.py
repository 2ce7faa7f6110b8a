"""Vocabulary of the organisation registry (issue 14): identifier schemes, name normalisation, thresholds.

An organisation in the registry has one key (``ror:<id>`` when ROR knows it, else ``pic:<pic>``)
and every identifier the sources give it. Names are compared after :data:`PHRASES`,
:data:`TOKENS`, :data:`STOPWORDS` and :data:`LEGAL_FORMS` have been applied (see
:mod:`innovatlas.registry.normalise`): Dutch and English spellings of the same words meet
(``TECHNISCHE UNIVERSITEIT DELFT`` and ``Delft University of Technology`` both become
``DELFT TECHNOLOGY UNIVERSITY`` once sorted).
"""

from __future__ import annotations

#: Identifier schemes a registered organisation can carry.
SCHEMES = {
    "ror": "Research Organization Registry id",
    "pic": "EC Participant Identification Code (per framework programme)",
    "grid": "GRID id (from ROR)",
    "isni": "ISNI (from ROR)",
    "wikidata": "Wikidata item (from ROR)",
    "fundref": "Crossref Funder id (from ROR)",
    "openalex": "OpenAlex institution id (no OpenAlex source imported yet)",
    "vat": "VAT number (only the official CORDIS organization.csv has it)",
}

#: Multi-word phrases rewritten before tokenising (upper-case ASCII, single spaces).
PHRASES: list[tuple[str, str]] = [
    ("HOGESCHOOL VOOR DE KUNSTEN", "UNIVERSITY OF THE ARTS"),   # how Dutch art schools name themselves in English
    ("ACADEMISCH MEDISCH CENTRUM", "ACADEMIC MEDICAL CENTER"),
    ("ACADEMISCH ZIEKENHUIS", "UNIVERSITY MEDICAL CENTER"),
    ("UNIVERSITAIR MEDISCH CENTRUM", "UNIVERSITY MEDICAL CENTER"),
    ("UNIVERSITY MEDICAL CENTRE", "UNIVERSITY MEDICAL CENTER"),
    ("UNIVERSITAIR MEDISCHE CENTRA", "UNIVERSITY MEDICAL CENTER"),
    ("TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK", "APPLIED SCIENTIFIC RESEARCH"),
    ("UNIVERSITY OF APPLIED SCIENCES", "HOGESCHOOL"),
    ("HOGESCHOOL", " HOGESCHOOL "),    # glued: HANZEHOGESCHOOL -> HANZE HOGESCHOOL
    ("UNIVERSITEIT", " UNIVERSITEIT "),  # glued: RIJKSUNIVERSITEIT
    ("ZIEKENHUIS", " ZIEKENHUIS "),
    ("RIJKSINSTITUUT", "RIJKS INSTITUUT"),
]

#: Single words mapped to one spelling (Dutch, German, French, abbreviations -> English).
TOKENS: dict[str, str] = {
    "UNIVERSITEIT": "UNIVERSITY", "UNIVERSITAT": "UNIVERSITY", "UNIVERSITAET": "UNIVERSITY",
    "UNIVERSITE": "UNIVERSITY", "UNIVERSIDAD": "UNIVERSITY", "UNIVERSITA": "UNIVERSITY", "UNIV": "UNIVERSITY",
    "RIJKS": "", "TECHNISCHE": "TECHNOLOGY", "TECH": "TECHNOLOGY", "TECHNOLOGICAL": "TECHNOLOGY",
    "CENTRE": "CENTER", "CENTRUM": "CENTER", "CTR": "CENTER", "MEDISCH": "MEDICAL", "MEDISCHE": "MEDICAL",
    "ZIEKENHUIS": "HOSPITAL", "ZIEKENHUIZEN": "HOSPITAL", "HOSPITALS": "HOSPITAL", "GASTHUIS": "HOSPITAL",
    "INSTITUUT": "INSTITUTE", "INSTITUT": "INSTITUTE", "INST": "INSTITUTE",
    "NEDERLANDS": "NETHERLANDS", "NEDERLANDSE": "NETHERLANDS", "NEDERLAND": "NETHERLANDS", "DUTCH": "NETHERLANDS",
    "ORGANISATIE": "ORGANISATION", "ORGANIZATION": "ORGANISATION",
    "ONDERZOEK": "RESEARCH", "LABORATORIUM": "LABORATORY", "LAB": "LABORATORY", "KANKER": "CANCER",
    "VERENIGING": "ASSOCIATION", "GEMEENTE": "MUNICIPALITY", "PROVINCIE": "PROVINCE",
    "KATHOLIEKE": "CATHOLIC", "VU": "VRIJE", "UMC": "UNIVERSITY MEDICAL CENTER", "MC": "MEDICAL CENTER",
    "KUNSTEN": "ARTS",
    "MINISTERIE": "MINISTRY", "ZAKEN": "AFFAIRS", "ECONOMISCHE": "ECONOMIC", "ONDERWIJS": "EDUCATION",
    "CULTUUR": "CULTURE", "WETENSCHAP": "SCIENCE", "VOLKSGEZONDHEID": "HEALTH", "WELZIJN": "WELFARE",
    "BINNENLANDSE": "INTERIOR", "KONINKRIJKSRELATIES": "KINGDOM RELATIONS", "VEILIGHEID": "SECURITY",
    "JUSTITIE": "JUSTICE", "INFRASTRUCTUUR": "INFRASTRUCTURE", "MILIEU": "ENVIRONMENT", "KONINKLIJK": "ROYAL",
    "KONINKLIJKE": "ROYAL", "METEOROLOGISCH": "METEOROLOGICAL", "TROPEN": "TROPICAL", "FINANCIEN": "FINANCE",
    "WETENSCHAPPELIJK": "SCIENTIFIC", "WETENSCHAPPELIJKE": "SCIENTIFIC", "NORMALISATIE": "STANDARDIZATION",
    "STANDARDISATION": "STANDARDIZATION", "ENERGIEONDERZOEK": "ENERGY RESEARCH", "DUITS": "GERMAN", "DUITSE": "GERMAN",
    "WINDTUNNELS": "WIND TUNNELS", "WINDTUNNEL": "WIND TUNNEL", "HUMANISTIEK": "HUMANISTIC STUDIES",
}

#: Words too generic to identify an organisation on their own (token-subset candidates need another word).
GENERIC = frozenset("UNIVERSITY HOGESCHOOL INSTITUTE CENTER MEDICAL HOSPITAL RESEARCH MUNICIPALITY PROVINCE MINISTRY "
                    "ASSOCIATION ORGANISATION NATIONAL ROYAL EUROPEAN INTERNATIONAL TECHNOLOGY SCIENCE HEALTH GROUP "
                    "APPLIED SCIENCES ACADEMY SCHOOL LABORATORY CATHOLIC COLLEGE".split())

#: Words that carry no identity.
STOPWORDS = frozenset("OF THE DE HET VAN VOOR EN AND FOR IN AT DER DEN TE LA LE LES DES DU ET UND FUR DI DEL "
                      "STICHTING FOUNDATION S".split())

#: Legal forms, dropped from names.
LEGAL_FORMS = frozenset("BV NV VOF CV GMBH LTD LIMITED INC SA SAS SL SPA SRL AG AB AS APS OY PLC LLC CORP "
                        "COMPANY CO KG UA BA HOLDING".split())

#: Matching thresholds on the 0-100 score (see :mod:`innovatlas.registry.resolve`).
MATCH_SCORE = 92.0        # at or above (and a name score at or above it too): matched, unless a review says otherwise
CITY_DIFFERS_PENALTY = 7.0
UNCERTAIN_SCORE = 80.0    # at or above: kept as an uncertain candidate for review

#: ROR v1 type names -> v2 (lower case); v2 types pass unchanged.
ROR_TYPES = {"Education": "education", "Healthcare": "healthcare", "Company": "company", "Nonprofit": "nonprofit",
             "Facility": "facility", "Government": "government", "Archive": "archive", "Other": "other",
             "Funder": "funder"}
