-- Every colour change of every unit, with the reasons at that moment: the
-- wall's "recent history", the audit trail of colours (requirement 69) and
-- the seed for a restarted status engine (so it logs no false changes).

CREATE TABLE IF NOT EXISTS {db}.status_changes
(
    at DateTime64(3, 'UTC'),
    code LowCardinality(String),
    from_status LowCardinality(String),
    to_status LowCardinality(String),
    reasons String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (code, at, to_status)
TTL toDateTime(at) + INTERVAL 2 YEAR;
