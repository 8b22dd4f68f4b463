-- Event identity: an event's id is what makes it the same event, whatever
-- time it carries. The raw tables sort by unit and event time, so an event
-- re-sent with a re-stamped time is a different row to ReplacingMergeTree;
-- this table sorts by (table, event_id) so the writer can ask "stored
-- already?" for a whole batch in one indexed lookup. Filled by materialized
-- views, so every insert into a raw table records its ids in the same INSERT.

CREATE TABLE IF NOT EXISTS {db}.event_ids
(
    tbl LowCardinality(String),
    event_id String,
    stored_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (tbl, event_id)
TTL toDateTime(stored_at) + INTERVAL 5 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.health_samples_event_ids TO {db}.event_ids AS
SELECT 'health_samples' AS tbl, event_id, received_at AS stored_at FROM {db}.health_samples;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.health_reports_event_ids TO {db}.event_ids AS
SELECT 'health_reports' AS tbl, event_id, received_at AS stored_at FROM {db}.health_reports;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.counter_reports_event_ids TO {db}.event_ids AS
SELECT 'counter_reports' AS tbl, event_id, received_at AS stored_at FROM {db}.counter_reports;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.incident_reports_event_ids TO {db}.event_ids AS
SELECT 'incident_reports' AS tbl, event_id, received_at AS stored_at FROM {db}.incident_reports;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.audit_log_event_ids TO {db}.event_ids AS
SELECT 'audit_log' AS tbl, event_id, at AS stored_at FROM {db}.audit_log;

-- Rows stored before this migration.
INSERT INTO {db}.event_ids SELECT 'health_samples', event_id, received_at FROM {db}.health_samples;
INSERT INTO {db}.event_ids SELECT 'health_reports', event_id, received_at FROM {db}.health_reports;
INSERT INTO {db}.event_ids SELECT 'counter_reports', event_id, received_at FROM {db}.counter_reports;
INSERT INTO {db}.event_ids SELECT 'incident_reports', event_id, received_at FROM {db}.incident_reports;
INSERT INTO {db}.event_ids SELECT 'audit_log', event_id, at FROM {db}.audit_log;
