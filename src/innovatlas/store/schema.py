"""Versioned schema of a workspace.

``MIGRATIONS[i]`` takes a workspace from schema version ``i`` to ``i + 1``. A workspace
records its version in ``meta``; opening a workspace written by a newer innovatlas fails
with a clear message instead of guessing.
"""

from __future__ import annotations

SCHEMA_VERSION = 12

_V1 = r"""
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- Every stored fact points to the import batch it came from: source, file, row, time, licence.
CREATE SEQUENCE batch_seq START 1;
CREATE TABLE import_batch (
    batch_id     INTEGER PRIMARY KEY,
    source       VARCHAR NOT NULL,      -- e.g. 'cordis'
    dataset      VARCHAR NOT NULL,      -- what a re-import replaces, e.g. 'cordis:H2020:participations'
    file         VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    imported_at  TIMESTAMP NOT NULL,
    rows         BIGINT NOT NULL,
    licence      VARCHAR,
    attribution  VARCHAR
);

CREATE TABLE project (
    project_key          VARCHAR PRIMARY KEY,   -- '<framework>-<rcn>' (or '<framework>-id<grant>' without rcn)
    framework            VARCHAR NOT NULL,
    rcn                  BIGINT,
    grant_id             VARCHAR,
    acronym              VARCHAR,
    title                VARCHAR,
    objective            VARCHAR,
    start_date           DATE,
    end_date             DATE,
    start_year           INTEGER,
    total_cost           DOUBLE,
    ec_max_contribution  DOUBLE,
    legal_basis          VARCHAR,
    topics               VARCHAR,
    funding_scheme       VARCHAR,
    batch_id             INTEGER NOT NULL,
    source_row           BIGINT
);

CREATE TABLE project_part (
    project_key     VARCHAR NOT NULL,
    programme_part  VARCHAR NOT NULL,
    batch_id        INTEGER NOT NULL,
    source_row      BIGINT
);

CREATE TABLE participation (
    project_key      VARCHAR NOT NULL,
    pic              BIGINT NOT NULL,
    role             VARCHAR,
    activity_type    VARCHAR,
    sme              BOOLEAN,
    ec_contribution  DOUBLE,
    country          VARCHAR,     -- ISO 3166-1 alpha-2 (GB, GR)
    country_cordis   VARCHAR,     -- as published (UK, EL)
    batch_id         INTEGER NOT NULL,
    source_row       BIGINT
);

-- Organisation attributes as each source states them; `organisation` picks the best.
CREATE TABLE organisation_record (
    pic            BIGINT NOT NULL,
    priority       INTEGER NOT NULL,   -- lower wins
    name           VARCHAR,
    short_name     VARCHAR,
    activity_type  VARCHAR,
    sme            BOOLEAN,
    street         VARCHAR,
    postcode       VARCHAR,
    city           VARCHAR,
    country        VARCHAR,
    nuts_code      VARCHAR,
    url            VARCHAR,
    batch_id       INTEGER NOT NULL,
    source_row     BIGINT
);

-- Derived after every import (see store.derive).
CREATE TABLE organisation (
    pic            BIGINT PRIMARY KEY,
    name           VARCHAR,
    label          VARCHAR NOT NULL,   -- name, or 'PIC <n>' when no source names it
    short_name     VARCHAR,
    activity_type  VARCHAR,
    actor_type     VARCHAR,
    sme            BOOLEAN,
    street         VARCHAR,
    postcode       VARCHAR,
    city           VARCHAR,
    country        VARCHAR,
    nuts_code      VARCHAR,
    name_batch_id  INTEGER,
    name_source_row BIGINT,
    participations BIGINT NOT NULL
);

-- Reference geography (CBS) and place names (ROR/GeoNames) for locating Dutch organisations.
CREATE TABLE geo_region (
    level          VARCHAR NOT NULL,   -- municipality | corop | province
    code           VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    corop_code     VARCHAR,
    province_code  VARCHAR,
    year           INTEGER,
    batch_id       INTEGER NOT NULL
);
CREATE TABLE geo_place (
    place          VARCHAR NOT NULL,   -- normalised place name
    municipality   VARCHAR NOT NULL,   -- municipality name as given by the source
    nuts3_code     VARCHAR,
    nuts3_name     VARCHAR,
    batch_id       INTEGER NOT NULL
);
CREATE TABLE org_location (
    pic                BIGINT PRIMARY KEY,
    municipality_code  VARCHAR,
    municipality       VARCHAR,
    corop_code         VARCHAR,
    corop              VARCHAR,
    province_code      VARCHAR,
    province           VARCHAR,
    knowledge_city     VARCHAR,
    method             VARCHAR NOT NULL  -- how it was placed, or 'unplaced: <reason>'
);

-- Analysis results.
CREATE TABLE ecosystem (
    ecosystem_id  VARCHAR PRIMARY KEY,
    name_en       VARCHAR NOT NULL,
    name_nl       VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    parent        VARCHAR,
    description   VARCHAR,
    definition    JSON NOT NULL,
    position      INTEGER NOT NULL,
    computed_at   TIMESTAMP NOT NULL
);
CREATE TABLE ecosystem_member (ecosystem_id VARCHAR NOT NULL, pic BIGINT NOT NULL);
CREATE TABLE ecosystem_project (ecosystem_id VARCHAR NOT NULL, project_key VARCHAR NOT NULL);

CREATE TABLE indicator_value (
    ecosystem_id  VARCHAR NOT NULL,
    indicator     VARCHAR NOT NULL,    -- catalogue id ('29') or our own measure ('funding')
    measure       VARCHAR NOT NULL,    -- e.g. 'organisations'
    breakdown     VARCHAR NOT NULL,    -- '' for the total, else e.g. 'HES'
    year          INTEGER,             -- NULL = all years
    value         DOUBLE,
    unit          VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,    -- provenance: datasets and batches the value rests on
    method        VARCHAR NOT NULL,
    computed_at   TIMESTAMP NOT NULL
);

-- In-scope participations of every analysed ecosystem (see model.ecosystem for the rule),
-- materialised by delineation so every indicator and network query reads one small table.
CREATE TABLE scope (
    ecosystem_id VARCHAR NOT NULL, project_key VARCHAR NOT NULL, pic BIGINT NOT NULL, role VARCHAR,
    activity_type VARCHAR, sme BOOLEAN, ec_contribution DOUBLE, country VARCHAR, start_year INTEGER,
    actor_type VARCHAR, batch_id INTEGER
);

CREATE TABLE network_metric (
    ecosystem_id VARCHAR NOT NULL, metric VARCHAR NOT NULL, value DOUBLE, detail JSON
);
CREATE TABLE network_node (
    ecosystem_id VARCHAR NOT NULL, pic BIGINT NOT NULL, degree INTEGER, strength DOUBLE,
    betweenness DOUBLE, community INTEGER, x DOUBLE, y DOUBLE
);
CREATE TABLE network_edge (
    ecosystem_id VARCHAR NOT NULL, source BIGINT NOT NULL, target BIGINT NOT NULL,
    projects INTEGER NOT NULL, fractional DOUBLE NOT NULL
);
"""

# v2: boundary geometries for maps (GeoJSON geometry per region), filled by the geo source.
_V2 = r"""
CREATE TABLE geo_shape (
    level     VARCHAR NOT NULL,   -- municipality | corop | province
    code      VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    year      INTEGER,
    geometry  JSON NOT NULL,      -- GeoJSON geometry, WGS84 lon/lat
    batch_id  INTEGER NOT NULL
);
"""

# v3: what open data cannot give: imported/survey values, qualitative entries, user-defined
# indicators, targets, regional statistics, and the stored diagnosis. Inputs are never
# deleted: a newer row supersedes the older one (history: who changed what, when).
_V3 = r"""
CREATE TABLE custom_indicator (
    key VARCHAR PRIMARY KEY, ecosystem_id VARCHAR, name_en VARCHAR NOT NULL, name_nl VARCHAR NOT NULL,
    unit VARCHAR NOT NULL, category VARCHAR, challenges VARCHAR, direction VARCHAR NOT NULL,
    availability VARCHAR NOT NULL, batch_id INTEGER NOT NULL, source_row BIGINT
);
CREATE SEQUENCE input_seq START 1;
CREATE TABLE indicator_input (
    input_id BIGINT PRIMARY KEY, ecosystem_id VARCHAR NOT NULL, indicator VARCHAR NOT NULL, breakdown VARCHAR NOT NULL,
    year INTEGER NOT NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL, region VARCHAR, source VARCHAR NOT NULL,
    kind VARCHAR NOT NULL, confidential BOOLEAN NOT NULL, units INTEGER, largest_share DOUBLE,
    entered_by VARCHAR NOT NULL, batch_id INTEGER NOT NULL, source_row BIGINT,
    superseded_at TIMESTAMP, superseded_by INTEGER
);
CREATE TABLE qualitative_entry (
    entry_id BIGINT PRIMARY KEY, ecosystem_id VARCHAR NOT NULL, indicator VARCHAR NOT NULL, text VARCHAR NOT NULL,
    entry_date DATE NOT NULL, author VARCHAR NOT NULL, evidence JSON NOT NULL, batch_id INTEGER NOT NULL,
    source_row BIGINT, superseded_at TIMESTAMP, superseded_by INTEGER
);
CREATE TABLE target (
    ecosystem_id VARCHAR NOT NULL, indicator VARCHAR NOT NULL, measure VARCHAR NOT NULL, breakdown VARCHAR NOT NULL,
    target_value DOUBLE NOT NULL, target_year INTEGER NOT NULL, baseline_value DOUBLE, baseline_year INTEGER,
    direction VARCHAR NOT NULL, note VARCHAR, set_by VARCHAR NOT NULL, batch_id INTEGER NOT NULL, source_row BIGINT,
    superseded_at TIMESTAMP, superseded_by INTEGER
);
CREATE TABLE regional_statistic (
    source VARCHAR NOT NULL, region_code VARCHAR NOT NULL, region_name VARCHAR, indicator VARCHAR NOT NULL,
    year INTEGER NOT NULL, value DOUBLE, unit VARCHAR, batch_id INTEGER NOT NULL, source_row BIGINT
);
CREATE TABLE finding (
    ecosystem_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, code VARCHAR NOT NULL, verdict VARCHAR NOT NULL,
    score DOUBLE, evidence JSON NOT NULL, explanation_en VARCHAR NOT NULL, explanation_nl VARCHAR NOT NULL,
    computed_at TIMESTAMP NOT NULL
);
"""

# v4: decisions: stored and versioned assessments (partnership, portfolio, valorisation, proposal).
_V4 = r"""
CREATE TABLE assessment (
    name        VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    input       JSON NOT NULL,
    result      JSON NOT NULL,
    input_sha   VARCHAR NOT NULL,
    file        VARCHAR,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (name, version)
);
"""

# v5: disclosure control: the (n, k) dominance rules need the top-2 and top-3 shares; the
# differencing check between ecosystems needs the contributor set a confidential value belongs to
# (the ecosystem's members at import time, or the contributors the user listed).
_V5 = r"""
ALTER TABLE indicator_input ADD COLUMN top2_share DOUBLE;
ALTER TABLE indicator_input ADD COLUMN top3_share DOUBLE;
ALTER TABLE indicator_input ADD COLUMN contributor_set BIGINT;
CREATE SEQUENCE contributor_set_seq START 1;
CREATE TABLE contributor_set (
    set_id       BIGINT PRIMARY KEY,
    kind         VARCHAR NOT NULL,      -- 'members' (the ecosystem's members at import) or 'listed'
    ecosystem_id VARCHAR,
    size         INTEGER NOT NULL,
    digest       VARCHAR NOT NULL,      -- md5 of the sorted contributor ids: equal sets share one row
    batch_id     INTEGER NOT NULL
);
CREATE TABLE contributor (set_id BIGINT NOT NULL, contributor VARCHAR NOT NULL);
"""

# v6: organisation registry (issue 14): ROR records imported in full, entity-resolution matches with
# score, method and evidence, the user's review decisions (never deleted by imports or re-runs), and
# the derived registry: one organisation with all its identifiers, names, location and relations.
_V6 = r"""
CREATE TABLE ror_record (
    ror_id        VARCHAR NOT NULL,    -- bare 9-character id (https://ror.org/<id>)
    name          VARCHAR NOT NULL,
    types         VARCHAR,             -- lower case, '|'-separated (education|healthcare)
    country_code  VARCHAR,
    city          VARCHAR,
    municipality  VARCHAR,             -- GeoNames admin2 without 'Gemeente ' (v1 records)
    nuts3_code    VARCHAR,
    lat           DOUBLE,
    lng           DOUBLE,
    geonames_id   BIGINT,
    website       VARCHAR,
    established   INTEGER,
    status        VARCHAR,
    schema        VARCHAR NOT NULL,    -- 'v1' or 'v2'
    batch_id      INTEGER NOT NULL,
    source_row    BIGINT
);
CREATE TABLE ror_name (ror_id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, lang VARCHAR,
                       batch_id INTEGER NOT NULL);
CREATE TABLE ror_external_id (ror_id VARCHAR NOT NULL, scheme VARCHAR NOT NULL, value VARCHAR NOT NULL,
                              preferred BOOLEAN, batch_id INTEGER NOT NULL);
CREATE TABLE ror_relationship (ror_id VARCHAR NOT NULL, rel_type VARCHAR NOT NULL, related_id VARCHAR NOT NULL,
                               label VARCHAR, batch_id INTEGER NOT NULL);
CREATE TABLE org_match (
    left_scheme   VARCHAR NOT NULL,    -- 'pic'
    left_id       VARCHAR NOT NULL,
    right_scheme  VARCHAR NOT NULL,    -- 'ror'
    right_id      VARCHAR NOT NULL,
    score         DOUBLE,              -- 0-100
    method        VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,    -- matched | uncertain | accepted | rejected
    evidence      JSON NOT NULL,
    computed_at   TIMESTAMP NOT NULL
);
CREATE TABLE match_decision (
    left_scheme   VARCHAR NOT NULL,
    left_id       VARCHAR NOT NULL,
    right_scheme  VARCHAR NOT NULL,
    right_id      VARCHAR NOT NULL,
    decision      VARCHAR NOT NULL,    -- accept | reject
    decided_by    VARCHAR,
    note          VARCHAR,
    decided_at    TIMESTAMP NOT NULL,
    file          VARCHAR,
    source_row    BIGINT
);
CREATE TABLE registry_org (
    org_key        VARCHAR PRIMARY KEY,   -- 'ror:<id>' when ROR knows it, else 'pic:<pic>'
    name           VARCHAR NOT NULL,
    org_type       VARCHAR,
    country        VARCHAR,
    city           VARCHAR,
    municipality   VARCHAR,
    nuts3_code     VARCHAR,
    lat            DOUBLE,
    lng            DOUBLE,
    parent_key     VARCHAR,
    participations BIGINT NOT NULL,
    basis          VARCHAR NOT NULL       -- how its records were joined: ror only | pic only | <match method>
);
CREATE TABLE registry_identifier (org_key VARCHAR NOT NULL, scheme VARCHAR NOT NULL, value VARCHAR NOT NULL,
                                  framework VARCHAR, source VARCHAR NOT NULL);
CREATE TABLE registry_name (org_key VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, lang VARCHAR,
                            source VARCHAR NOT NULL);
CREATE TABLE registry_relation (org_key VARCHAR NOT NULL, rel_type VARCHAR NOT NULL, related_key VARCHAR NOT NULL,
                                label VARCHAR, source VARCHAR NOT NULL);
"""

# v7: the user's own actors and relations (issue 14, seed 001): startups, financiers, campus organisations,
# employees, citizens; dual appointments, facility use, membership, spin-off parentage, funding/investment.
# Imported from the templates ('innovatlas actors template'); each actor is resolved against the registry.
_V7 = r"""
CREATE TABLE user_actor (
    actor_id    VARCHAR NOT NULL,      -- the user's own id, unique within the file
    name        VARCHAR NOT NULL,
    actor_type  VARCHAR NOT NULL,      -- model.actors.ActorType value
    pic         BIGINT,
    ror_id      VARCHAR,
    kvk         VARCHAR,               -- Dutch Chamber of Commerce number
    city        VARCHAR,
    postcode    VARCHAR,
    country     VARCHAR,
    website     VARCHAR,
    note        VARCHAR,
    batch_id    INTEGER NOT NULL,
    source_row  BIGINT
);
CREATE TABLE user_relation (
    source_ref     VARCHAR NOT NULL,   -- an actor_id, 'pic:<n>' or 'ror:<id>'
    target_ref     VARCHAR NOT NULL,
    relation_type  VARCHAR NOT NULL,   -- model.relations.RelationType value
    start_year     INTEGER,
    end_year       INTEGER,
    weight         DOUBLE,
    note           VARCHAR,
    batch_id       INTEGER NOT NULL,
    source_row     BIGINT
);
"""

# v8: every framework programme in one workspace (issue 19, item 4): the programme of each in-scope participation,
# so every series, network and indicator can be filtered by it; and organisation attributes that only some files
# carry (VAT number, legal name, legal entity type, SME flag, NUTS-3 code), each kept with the file and row it came from.
# IF NOT EXISTS: a workspace whose schema_version was set back (tests/test_store.py) may hold them already.
_V8 = r"""
ALTER TABLE scope ADD COLUMN IF NOT EXISTS framework VARCHAR;
CREATE TABLE IF NOT EXISTS organisation_attribute (
    pic         BIGINT NOT NULL,
    attribute   VARCHAR NOT NULL,      -- vat | legal_name | legal_entity_type | sme | nuts3_code | city
    value       VARCHAR NOT NULL,
    priority    INTEGER NOT NULL,      -- lower wins, as in organisation_record
    batch_id    INTEGER NOT NULL,
    source_row  BIGINT,
    file        VARCHAR                -- the file the row is in (a batch of project.csv + organization.csv names one)
);
-- the organisation file of a batch that read two files (project.csv + organization.csv): where its records' rows are
CREATE TABLE IF NOT EXISTS batch_file (batch_id INTEGER NOT NULL, role VARCHAR NOT NULL, file VARCHAR NOT NULL);
"""

# v9: the rest of the framework as data (issue 19): facilities with investments and use, startups/scale-ups/
# spin-offs (attributes beside user_actor; spin-off parentage in user_relation), employees per year, financing
# events, formal and informal rules. Imported from 'innovatlas template facilities|startups|finance|rules'.
_V9 = r"""
CREATE TABLE facility (
    facility_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
    facility_type VARCHAR NOT NULL,     -- model.vocabulary.FacilityType value
    ecosystems VARCHAR[] NOT NULL,      -- the ecosystem ids it belongs to
    owner_ref VARCHAR, operator_ref VARCHAR,   -- actor_id, 'pic:<n>' or 'ror:<id>'
    lat DOUBLE, lon DOUBLE, postcode VARCHAR, city VARCHAR, municipality VARCHAR,
    opening_year INTEGER, capacity DOUBLE, capacity_unit VARCHAR, website VARCHAR, note VARCHAR,
    batch_id INTEGER NOT NULL, source_row BIGINT);
CREATE TABLE facility_investment (
    facility_id VARCHAR NOT NULL, year INTEGER NOT NULL, amount DOUBLE NOT NULL, currency VARCHAR NOT NULL,
    funder_ref VARCHAR, confidential BOOLEAN NOT NULL, source VARCHAR,
    batch_id INTEGER NOT NULL, source_row BIGINT);
CREATE TABLE facility_use (
    facility_id VARCHAR NOT NULL, user_ref VARCHAR NOT NULL, user_type VARCHAR,
    amount DOUBLE, amount_unit VARCHAR, since_year INTEGER, until_year INTEGER, note VARCHAR,
    batch_id INTEGER NOT NULL, source_row BIGINT);
CREATE TABLE venture (
    actor_id VARCHAR NOT NULL, ecosystems VARCHAR[] NOT NULL, founding_year INTEGER, sector VARCHAR, stage VARCHAR,
    parent_ref VARCHAR, ip_holder_ref VARCHAR, spin_off_year INTEGER,
    batch_id INTEGER NOT NULL, source_row BIGINT);
CREATE TABLE venture_employees (
    actor_id VARCHAR NOT NULL, year INTEGER NOT NULL, employees DOUBLE NOT NULL, confidential BOOLEAN NOT NULL,
    batch_id INTEGER NOT NULL, source_row BIGINT);
CREATE TABLE financing_event (
    actor_id VARCHAR NOT NULL, round VARCHAR, event_date DATE NOT NULL, amount DOUBLE, currency VARCHAR,
    investors VARCHAR, instrument VARCHAR NOT NULL, confidential BOOLEAN NOT NULL, source VARCHAR,
    batch_id INTEGER NOT NULL, source_row BIGINT);
CREATE TABLE rule_entry (
    ecosystem_id VARCHAR NOT NULL, rule_type VARCHAR NOT NULL, formal BOOLEAN NOT NULL, title VARCHAR NOT NULL,
    text VARCHAR, entry_date DATE NOT NULL, source VARCHAR NOT NULL, evidence VARCHAR NOT NULL,
    challenges VARCHAR, effect VARCHAR NOT NULL, status VARCHAR, author VARCHAR NOT NULL,
    batch_id INTEGER NOT NULL, source_row BIGINT);
"""

# v10: monitoring together (issue 12): accounts with a role per ecosystem, the log of every edit made in the
# browser (who, when, old and new: undo restores the old one), snapshots of a monitoring cycle (copies of
# the indicators, current inputs, diagnosis, members and network figures at that moment), the thresholds of
# an ecosystem's change alerts, its methods notes, and the monitoring packages imported from other workspaces.
_V10 = r"""
CREATE TABLE app_user (
    username      VARCHAR PRIMARY KEY,
    password_hash VARCHAR NOT NULL,      -- argon2id (argon2-cffi)
    epoch         INTEGER NOT NULL,      -- bumped by passwd/remove: every session of the user ends
    created_at    TIMESTAMP NOT NULL
);
CREATE TABLE user_role (
    username      VARCHAR NOT NULL,
    ecosystem_id  VARCHAR NOT NULL,      -- '*' = every ecosystem
    role          VARCHAR NOT NULL       -- admin | editor | viewer
);
CREATE SEQUENCE edit_seq START 1;
CREATE TABLE edit_log (
    edit_id       BIGINT PRIMARY KEY,
    edited_at     TIMESTAMP NOT NULL,
    username      VARCHAR NOT NULL,
    ecosystem_id  VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,      -- value | qualitative | target | definition | assessment | undo
    item          JSON NOT NULL,         -- the key of what was edited
    old_ref       VARCHAR,               -- the row it replaced (input_id / entry_id / target batch), NULL = new
    new_ref       VARCHAR,               -- the row written, NULL = removed
    old_value     JSON,
    new_value     JSON,
    batch_id      INTEGER,
    undo_of       BIGINT,
    undone_by     BIGINT
);
CREATE SEQUENCE snapshot_seq START 1;
CREATE TABLE snapshot (
    snapshot_id   BIGINT PRIMARY KEY,
    ecosystem_id  VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    created_by    VARCHAR NOT NULL,
    targets       JSON NOT NULL,         -- progress to own targets at that moment
    UNIQUE (ecosystem_id, label)
);
CREATE TABLE snapshot_indicator (
    snapshot_id BIGINT NOT NULL, indicator VARCHAR NOT NULL, measure VARCHAR NOT NULL, breakdown VARCHAR NOT NULL,
    year INTEGER, value DOUBLE, unit VARCHAR
);
CREATE TABLE snapshot_input (
    snapshot_id BIGINT NOT NULL, input_id BIGINT NOT NULL, indicator VARCHAR NOT NULL, breakdown VARCHAR NOT NULL,
    year INTEGER NOT NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL, confidential BOOLEAN NOT NULL
);
CREATE TABLE snapshot_finding (
    snapshot_id BIGINT NOT NULL, kind VARCHAR NOT NULL, code VARCHAR NOT NULL, verdict VARCHAR NOT NULL
);
CREATE TABLE snapshot_member (snapshot_id BIGINT NOT NULL, pic BIGINT NOT NULL);
CREATE TABLE snapshot_network (snapshot_id BIGINT NOT NULL, metric VARCHAR NOT NULL, value DOUBLE);
CREATE TABLE alert_threshold (
    ecosystem_id   VARCHAR PRIMARY KEY,
    indicator_pct  DOUBLE NOT NULL,      -- an indicator moved more than this share (0.10 = 10 %)
    verdicts       BOOLEAN NOT NULL,     -- alert on a changed verdict
    targets        BOOLEAN NOT NULL,     -- alert on a target out of reach
    set_by         VARCHAR NOT NULL,
    set_at         TIMESTAMP NOT NULL
);
CREATE TABLE monitoring_note (
    ecosystem_id VARCHAR PRIMARY KEY, note VARCHAR NOT NULL, set_by VARCHAR NOT NULL, set_at TIMESTAMP NOT NULL
);
CREATE TABLE monitoring_package (
    package_id    VARCHAR PRIMARY KEY,   -- sha256 of the file
    ecosystem_id  VARCHAR NOT NULL,      -- the ecosystem it describes (in the workspace it came from)
    name          VARCHAR NOT NULL,
    imported_at   TIMESTAMP NOT NULL,
    content       JSON NOT NULL
);
"""

# v11 (issue 14): the unit every analysis counts (a PIC, the registered organisation its PICs belong to, or that
# organisation's ROR parent), derived at analysis time; the user's own actors in each ecosystem; VAT numbers
# of organisations as the CORDIS files give them (a deterministic identifier in resolution).
_V11 = r"""
CREATE TABLE analysis_unit (
    pic        BIGINT NOT NULL,      -- every PIC the workspace knows
    unit       BIGINT NOT NULL,      -- the PIC that stands for its unit in scope, members and networks
    unit_key   VARCHAR NOT NULL,     -- 'pic:<n>', the registry org_key, or the parent's org_key
    unit_name  VARCHAR
);
CREATE TABLE ecosystem_actor (
    ecosystem_id VARCHAR NOT NULL,
    actor_id     VARCHAR NOT NULL,   -- user_actor.actor_id
    actor_type   VARCHAR NOT NULL,
    unit         BIGINT,             -- the analysis unit it resolved to (NULL: a new actor, not in CORDIS)
    how          VARCHAR NOT NULL    -- why it is in: 'type', 'place', 'relation', 'member' (joined)
);
CREATE TABLE organisation_vat (pic BIGINT NOT NULL, vat VARCHAR NOT NULL, batch_id INTEGER NOT NULL, source_row BIGINT);
ALTER TABLE user_actor ADD COLUMN vat VARCHAR;   -- normalised, as registry_identifier scheme 'vat'
-- OpenAlex institutions registered by an importer (innovatlas.registry.openalex): kept apart, so that every
-- re-derivation of the registry attaches them again (by ROR id) or keeps them as registry entries of their own.
CREATE TABLE openalex_institution (openalex_id VARCHAR PRIMARY KEY, ror_id VARCHAR, name VARCHAR NOT NULL,
                                   country_code VARCHAR, type VARCHAR, source VARCHAR NOT NULL,
                                   registered_at TIMESTAMP NOT NULL);
"""

# v12: OpenAlex works (issue 15): one row per work, its topics or concepts, its authorships and each authorship's
# institutions (OpenAlex id, ROR, type, country); the co-publication network of every analysed ecosystem.
_V12 = r"""
CREATE TABLE openalex_work (
    work_id           VARCHAR NOT NULL,    -- bare OpenAlex id ('W2741809807')
    doi               VARCHAR,             -- lower case, without https://doi.org/
    title             VARCHAR,
    publication_year  INTEGER,
    work_type         VARCHAR,
    is_oa             BOOLEAN,
    oa_status         VARCHAR,
    venue             VARCHAR,             -- primary_location.source (2025) or host_venue (2022)
    schema            VARCHAR NOT NULL,    -- '2025' (primary_location/topics) or '2022' (host_venue/concepts)
    batch_id          INTEGER NOT NULL,
    source_row        BIGINT               -- line (JSON Lines) or record number (page, array) in the file
);
CREATE TABLE openalex_topic (
    work_id   VARCHAR NOT NULL, kind VARCHAR NOT NULL,   -- 'topic' (2025) or 'concept' (2022)
    topic_id  VARCHAR NOT NULL, name VARCHAR, score DOUBLE, field VARCHAR, batch_id INTEGER NOT NULL
);
CREATE TABLE openalex_authorship (
    work_id          VARCHAR NOT NULL,
    author_seq       INTEGER NOT NULL,     -- 1-based place in the author list
    author_id        VARCHAR,
    author_name      VARCHAR,
    orcid            VARCHAR,
    author_position  VARCHAR,              -- first | middle | last
    raw_affiliations VARCHAR[],
    batch_id         INTEGER NOT NULL
);
CREATE TABLE openalex_affiliation (
    work_id         VARCHAR NOT NULL,
    author_seq      INTEGER NOT NULL,
    institution_id  VARCHAR,               -- bare OpenAlex id ('I4577782')
    ror_id          VARCHAR,               -- bare ROR id ('03v4gjf40')
    name            VARCHAR,
    inst_type       VARCHAR,               -- education | company | government | facility | healthcare | nonprofit | archive | other ...
    country         VARCHAR,
    batch_id        INTEGER NOT NULL
);
CREATE TABLE copub_node (
    ecosystem_id VARCHAR NOT NULL, org_key VARCHAR NOT NULL, label VARCHAR, inst_type VARCHAR, sector VARCHAR,
    country VARCHAR, member BOOLEAN NOT NULL, works INTEGER, works_fractional DOUBLE, degree INTEGER,
    strength DOUBLE, community INTEGER
);
CREATE TABLE copub_edge (
    ecosystem_id VARCHAR NOT NULL, source VARCHAR NOT NULL, target VARCHAR NOT NULL,
    works INTEGER NOT NULL, fractional DOUBLE NOT NULL, association_strength DOUBLE
);
CREATE TABLE copub_metric (ecosystem_id VARCHAR NOT NULL, metric VARCHAR NOT NULL, value DOUBLE, detail JSON);
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11, _V12]
