-- Raw telemetry, one row per accepted event. ReplacingMergeTree on event_id is
-- the last line of duplicate defence (bus msg-id window and writer checks come
-- first); readers that need exact counts use FINAL or uniqExact(event_id).
-- Times are UTC; report_date is the local (Asia/Ho_Chi_Minh) day.

CREATE DATABASE IF NOT EXISTS {db};

CREATE TABLE IF NOT EXISTS {db}.health_samples
(
    event_id String,
    vendor LowCardinality(String),
    system_id LowCardinality(String),
    unit_code LowCardinality(String),
    observed_at DateTime64(3, 'UTC'),
    uptime_pct Float32,
    cpu_pct Float32,
    ram_pct Float32,
    net_in_bps Float64,
    net_out_bps Float64,
    response_ms Nullable(Float32),
    alerts Array(Tuple(kind LowCardinality(String), severity LowCardinality(String), message String, code String, started_at Nullable(DateTime64(3, 'UTC')))),
    key_id LowCardinality(String),
    received_at DateTime64(3, 'UTC'),
    bus_seq UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(observed_at)
ORDER BY (unit_code, system_id, observed_at, event_id)
TTL toDateTime(observed_at) + INTERVAL 400 DAY
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {db}.health_reports
(
    event_id String,
    vendor LowCardinality(String),
    system_id LowCardinality(String),
    unit_code LowCardinality(String),
    report_date Date,
    uptime_pct Float32,
    peak_cpu_pct Float32,
    peak_ram_pct Float32,
    peak_net_in_bps Float64,
    peak_net_out_bps Float64,
    peaks Array(Tuple(at DateTime64(3, 'UTC'), cpu_pct Float32, ram_pct Float32, net_in_bps Float64, net_out_bps Float64)),
    alerts Array(Tuple(kind LowCardinality(String), severity LowCardinality(String), message String, code String, started_at Nullable(DateTime64(3, 'UTC')))),
    key_id LowCardinality(String),
    received_at DateTime64(3, 'UTC'),
    bus_seq UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(report_date)
ORDER BY (unit_code, system_id, report_date, event_id)
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {db}.counter_reports
(
    event_id String,
    province_code LowCardinality(String),
    unit_code LowCardinality(String),
    interval_end DateTime64(3, 'UTC'),
    report_date Date,
    received UInt32,
    received_online UInt32,
    processed UInt32,
    on_time UInt32,
    late UInt32,
    top_procedures Array(Tuple(code String, received UInt32)),
    key_id LowCardinality(String),
    received_at DateTime64(3, 'UTC'),
    bus_seq UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(report_date)
ORDER BY (province_code, unit_code, interval_end, event_id)
TTL report_date + INTERVAL 5 YEAR
SETTINGS non_replicated_deduplication_window = 1000;
