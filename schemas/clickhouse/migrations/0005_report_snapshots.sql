-- Frozen report snapshots (Phụ lục VII daily report at 08:30, weekly at 14:00
-- Friday; requirement 46). A snapshot is computed once from the data the
-- Center had received at the cut-off and stored as canonical JSON; it is never
-- updated. Plain MergeTree (no replacing): if two api processes race to freeze
-- the same report, both rows stay and every reader takes the earliest
-- frozen_at, so the answer never changes after the first write.

CREATE TABLE IF NOT EXISTS {db}.report_snapshots
(
    kind LowCardinality(String),
    report_date Date,
    cutoff_at DateTime64(3, 'UTC'),
    frozen_at DateTime64(3, 'UTC'),
    schema_version UInt16,
    body String,
    body_sha256 String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(report_date)
ORDER BY (kind, report_date, frozen_at);
