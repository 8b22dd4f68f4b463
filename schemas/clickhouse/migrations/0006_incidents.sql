-- Vendor incident reports, one row per phase (detected / update / resolved /
-- root_cause). The reporting clocks (15 min, 30 min, 24 h) are derived from
-- `at` (when it happened) and `received_at` (when the Center heard of it).

CREATE TABLE IF NOT EXISTS {db}.incident_reports
(
    event_id String,
    vendor LowCardinality(String),
    system_id LowCardinality(String),
    unit_code LowCardinality(String),
    incident_id String,
    phase LowCardinality(String),
    at DateTime64(3, 'UTC'),
    severity LowCardinality(String),
    title String,
    message String,
    impact String,
    key_id LowCardinality(String),
    received_at DateTime64(3, 'UTC'),
    bus_seq UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (unit_code, vendor, incident_id, at, event_id)
SETTINGS non_replicated_deduplication_window = 1000;
