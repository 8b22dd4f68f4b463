-- Rollups the wall and reports read. Every aggregate is idempotent (max, min,
-- argMax, uniqExact): a duplicate raw row can never change a rollup, so the
-- materialized views stay correct even when a retry re-inserts an event.

-- Per commune-level unit and local day: the latest cumulative counts.
CREATE TABLE IF NOT EXISTS {db}.counter_daily
(
    province_code LowCardinality(String),
    unit_code LowCardinality(String),
    report_date Date,
    last_interval_end SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    received AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    received_online AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    processed AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    on_time AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    late AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    reports AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(report_date)
ORDER BY (province_code, report_date, unit_code);

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.counter_daily_mv TO {db}.counter_daily AS
SELECT
    province_code,
    unit_code,
    report_date,
    max(interval_end) AS last_interval_end,
    argMaxState(received, (interval_end, received_at)) AS received,
    argMaxState(received_online, (interval_end, received_at)) AS received_online,
    argMaxState(processed, (interval_end, received_at)) AS processed,
    argMaxState(on_time, (interval_end, received_at)) AS on_time,
    argMaxState(late, (interval_end, received_at)) AS late,
    uniqExactState(event_id) AS reports
FROM {db}.counter_reports
GROUP BY province_code, unit_code, report_date;

-- Per commune-level unit and UTC hour: the latest cumulative counts in that hour (intraday curves).
CREATE TABLE IF NOT EXISTS {db}.counter_hourly
(
    province_code LowCardinality(String),
    unit_code LowCardinality(String),
    hour DateTime('UTC'),
    report_date Date,
    received AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    received_online AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    processed AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    on_time AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC'))),
    late AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), DateTime64(3, 'UTC')))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (province_code, report_date, hour, unit_code);

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.counter_hourly_mv TO {db}.counter_hourly AS
SELECT
    province_code,
    unit_code,
    toStartOfHour(interval_end) AS hour,
    report_date,
    argMaxState(received, (interval_end, received_at)) AS received,
    argMaxState(received_online, (interval_end, received_at)) AS received_online,
    argMaxState(processed, (interval_end, received_at)) AS processed,
    argMaxState(on_time, (interval_end, received_at)) AS on_time,
    argMaxState(late, (interval_end, received_at)) AS late
FROM {db}.counter_reports
GROUP BY province_code, unit_code, hour, report_date;

-- Per system and minute / hour / day: peaks, floor, latest value and sample count.
CREATE TABLE IF NOT EXISTS {db}.health_minute
(
    unit_code LowCardinality(String),
    system_id LowCardinality(String),
    vendor SimpleAggregateFunction(any, LowCardinality(String)),
    bucket DateTime('UTC'),
    max_cpu_pct SimpleAggregateFunction(max, Float32),
    max_ram_pct SimpleAggregateFunction(max, Float32),
    min_uptime_pct SimpleAggregateFunction(min, Float32),
    max_net_in_bps SimpleAggregateFunction(max, Float64),
    max_net_out_bps SimpleAggregateFunction(max, Float64),
    max_response_ms SimpleAggregateFunction(max, Nullable(Float32)),
    last_observed_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    last_cpu_pct AggregateFunction(argMax, Float32, DateTime64(3, 'UTC')),
    last_ram_pct AggregateFunction(argMax, Float32, DateTime64(3, 'UTC')),
    last_uptime_pct AggregateFunction(argMax, Float32, DateTime64(3, 'UTC')),
    samples AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(bucket)
ORDER BY (unit_code, system_id, bucket)
TTL bucket + INTERVAL 90 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.health_minute_mv TO {db}.health_minute AS
SELECT
    unit_code,
    system_id,
    any(vendor) AS vendor,
    toStartOfMinute(observed_at) AS bucket,
    max(cpu_pct) AS max_cpu_pct,
    max(ram_pct) AS max_ram_pct,
    min(uptime_pct) AS min_uptime_pct,
    max(net_in_bps) AS max_net_in_bps,
    max(net_out_bps) AS max_net_out_bps,
    max(response_ms) AS max_response_ms,
    max(observed_at) AS last_observed_at,
    argMaxState(cpu_pct, observed_at) AS last_cpu_pct,
    argMaxState(ram_pct, observed_at) AS last_ram_pct,
    argMaxState(uptime_pct, observed_at) AS last_uptime_pct,
    uniqExactState(event_id) AS samples
FROM {db}.health_samples
GROUP BY unit_code, system_id, bucket;

CREATE TABLE IF NOT EXISTS {db}.health_hourly AS {db}.health_minute
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(bucket)
ORDER BY (unit_code, system_id, bucket)
TTL bucket + INTERVAL 2 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.health_hourly_mv TO {db}.health_hourly AS
SELECT
    unit_code,
    system_id,
    any(vendor) AS vendor,
    toStartOfHour(observed_at) AS bucket,
    max(cpu_pct) AS max_cpu_pct,
    max(ram_pct) AS max_ram_pct,
    min(uptime_pct) AS min_uptime_pct,
    max(net_in_bps) AS max_net_in_bps,
    max(net_out_bps) AS max_net_out_bps,
    max(response_ms) AS max_response_ms,
    max(observed_at) AS last_observed_at,
    argMaxState(cpu_pct, observed_at) AS last_cpu_pct,
    argMaxState(ram_pct, observed_at) AS last_ram_pct,
    argMaxState(uptime_pct, observed_at) AS last_uptime_pct,
    uniqExactState(event_id) AS samples
FROM {db}.health_samples
GROUP BY unit_code, system_id, bucket;

-- Alerts from samples and daily reports, one row per alert, for "why red" and reports.
CREATE TABLE IF NOT EXISTS {db}.alerts
(
    event_id String,
    source LowCardinality(String),
    vendor LowCardinality(String),
    system_id LowCardinality(String),
    unit_code LowCardinality(String),
    at DateTime64(3, 'UTC'),
    kind LowCardinality(String),
    severity LowCardinality(String),
    message String,
    code String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (unit_code, system_id, at, event_id, kind, code, message);

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.alerts_from_samples_mv TO {db}.alerts AS
SELECT event_id, 'sample' AS source, vendor, system_id, unit_code, ifNull(a.started_at, observed_at) AS at,
       a.kind AS kind, a.severity AS severity, a.message AS message, a.code AS code
FROM {db}.health_samples
ARRAY JOIN alerts AS a;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.alerts_from_reports_mv TO {db}.alerts AS
SELECT event_id, 'daily_report' AS source, vendor, system_id, unit_code,
       ifNull(a.started_at, toDateTime64(toDateTime(report_date, 'Asia/Ho_Chi_Minh'), 3, 'UTC')) AS at,
       a.kind AS kind, a.severity AS severity, a.message AS message, a.code AS code
FROM {db}.health_reports
ARRAY JOIN alerts AS a;
