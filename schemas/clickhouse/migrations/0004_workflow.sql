-- The workflow event log (tickets, accounts, configuration), one row per bus
-- event: the append-only, queryable audit trail (who, when, before/after).
-- Rows are only ever inserted; ReplacingMergeTree on the bus sequence only
-- removes a row the writer inserted twice after a crash.

CREATE TABLE IF NOT EXISTS {db}.audit_log
(
    seq UInt64,
    event_id String,
    entity LowCardinality(String),
    entity_id String,
    event_type LowCardinality(String),
    at DateTime64(3, 'UTC'),
    actor_id String,
    actor_role LowCardinality(String),
    actor_name String,
    unit_code LowCardinality(String),
    issue_type UInt8,
    priority LowCardinality(String),
    before String,
    after String,
    data String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (entity, entity_id, seq);

-- Ticket events for reports and Grafana (issue types: 1 technical, 2 process, 3 institutional, 4 resources).
CREATE VIEW IF NOT EXISTS {db}.ticket_events AS
SELECT
    seq,
    entity_id AS ticket_id,
    event_type,
    at,
    actor_id,
    actor_role,
    unit_code,
    issue_type,
    priority,
    JSONExtractString(before, 'status') AS status_before,
    JSONExtractString(after, 'status') AS status_after,
    data
FROM {db}.audit_log
WHERE entity = 'ticket';
