-- detente store schema. Every stage reads the previous stage's tables.
-- Each CREATE is idempotent so opening an old store upgrades it in place.

-- corpus (issue: foundation)
CREATE TABLE IF NOT EXISTS articles (
    id            VARCHAR PRIMARY KEY,   -- STEM#N
    source_file   VARCHAR NOT NULL,      -- path as given to ingest
    file_index    INTEGER NOT NULL,      -- N in STEM#N, from 1
    title         VARCHAR,
    author        VARCHAR,
    date          DATE,                  -- publication date as printed (may be flagged)
    lang          VARCHAR,
    url           VARCHAR,
    source        VARCHAR,               -- outlet / publisher
    text          VARCHAR NOT NULL,      -- the article's exact slice of its file (header lines included)
    body_start    INTEGER NOT NULL,      -- offset in text where the body starts (after title/author/date lines)
    words         INTEGER NOT NULL,
    content_hash  VARCHAR NOT NULL,      -- sha256 of the normalised text, for idempotent re-ingest
    encoding      VARCHAR NOT NULL,      -- utf-8, or the fallback used
    warnings      JSON NOT NULL,         -- list of {"code", "message"}
    ingested_at   TIMESTAMP NOT NULL
);
-- likely intended date when `date` is flagged `date_outlier` (001#5: printed 2026-10-21 -> 2025-10-21);
-- later stages resolve relative dates against coalesce(date_suggested, date)
ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_suggested DATE;
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);
-- near-duplicate index (corpus/neardup.py): MinHash signature and LSH band keys per article
CREATE TABLE IF NOT EXISTS article_minhash (
    article_id    VARCHAR PRIMARY KEY,
    sig           UINTEGER[] NOT NULL
);
CREATE TABLE IF NOT EXISTS article_bands (
    article_id    VARCHAR NOT NULL,
    band          SMALLINT NOT NULL,
    key           BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands (key);

-- extraction
CREATE TABLE IF NOT EXISTS sentences (
    id          VARCHAR PRIMARY KEY,     -- ARTICLE:sIDX
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,        -- offsets into articles.text
    end_char    INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id   VARCHAR NOT NULL,
    sentence_id  VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    actor        VARCHAR,                -- canonical name, NULL when unlinked
    wikidata     VARCHAR,
    country      VARCHAR,
    kind         VARCHAR                 -- person, government, country, organisation, unknown
);

CREATE TABLE IF NOT EXISTS events (
    id              VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    sentence_id     VARCHAR NOT NULL,
    sentence        VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    type            VARCHAR NOT NULL,
    mode            VARCHAR,
    source          VARCHAR,
    source_country  VARCHAR,
    target          VARCHAR,
    target_country  VARCHAR,
    date            DATE,
    status          VARCHAR NOT NULL,
    location        VARCHAR,
    trigger         VARCHAR,
    note            VARCHAR
);

CREATE TABLE IF NOT EXISTS claims (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_id    VARCHAR NOT NULL,
    sentence       VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    actor          VARCHAR NOT NULL,
    actor_country  VARCHAR,
    issue          VARCHAR NOT NULL,
    stance         VARCHAR NOT NULL,
    note           VARCHAR
);

-- forecast ledger (issue 5): frozen forecasts and what happened
CREATE TABLE IF NOT EXISTS forecasts (
    id             VARCHAR PRIMARY KEY,  -- F-YYYYMMDD-xxxxxxxx
    created_at     TIMESTAMP NOT NULL,   -- UTC; the forecast's date for scoring
    scenario_name  VARCHAR NOT NULL,
    scenario_path  VARCHAR,
    scenario       JSON NOT NULL,        -- the scenario as forecast (frozen; verify re-solves it)
    inputs_hash    VARCHAR NOT NULL,     -- sha256 of the scenario's canonical JSON
    models         JSON NOT NULL,        -- {model name: version}
    seed           BIGINT NOT NULL,
    draws          INTEGER NOT NULL,
    result         JSON NOT NULL,        -- the `forecast --json` output
    horizons       JSON NOT NULL         -- {outcome class id: horizon date}
);

-- forecasts recorded from a scenario edited in the dashboard: how it differs from its file
CREATE TABLE IF NOT EXISTS forecast_edits (
    forecast_id    VARCHAR PRIMARY KEY,  -- forecasts.id
    base_hash      VARCHAR NOT NULL,     -- inputs hash of the scenario file as loaded
    changes        JSON NOT NULL         -- [{actor, issue, field, old, new}]
);

CREATE TABLE IF NOT EXISTS resolutions (
    scenario_name  VARCHAR NOT NULL,
    class_id       VARCHAR NOT NULL,
    outcome        BOOLEAN NOT NULL,
    date           DATE NOT NULL,        -- when it was (or was not) observed
    recorded_at    TIMESTAMP NOT NULL,
    note           VARCHAR,
    PRIMARY KEY (scenario_name, class_id)
);
