import { createHash } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { ReportSchema, type Report, type ReportKind } from '@kh02/schemas';
import { chInstant } from './queries/windows-sql.js';

export interface FrozenSnapshot {
  kind: ReportKind;
  report_date: string;
  cutoff_at: string;
  frozen_at: string;
  body_sha256: string;
  /** The stored JSON, exactly as written: re-rendering it is what makes exports byte-identical. */
  body: string;
  report: Report;
}

export type SnapshotSummary = Omit<FrozenSnapshot, 'body' | 'report'>;

interface SnapshotRow {
  kind: ReportKind;
  report_date: string;
  cutoff_at: string;
  frozen_at: string;
  body: string;
  body_sha256: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const iso = (chTime: string) => {
  const s = chTime.includes('T') ? chTime : chTime.replace(' ', 'T');
  return new Date(Date.parse(s.endsWith('Z') ? s : `${s}Z`)).toISOString();
};

/**
 * Frozen reports in ClickHouse (migration 0005). Append-only: the first
 * snapshot written for a report wins, and a stored body whose hash no longer
 * matches is refused rather than shown.
 */
export class SnapshotStore {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly db: string,
  ) {}

  async find(kind: ReportKind, reportDate: string): Promise<FrozenSnapshot | undefined> {
    const rs = await this.client.query({
      query: `SELECT kind, report_date, cutoff_at, frozen_at, body, body_sha256
              FROM ${this.db}.report_snapshots
              WHERE kind = {kind:String} AND report_date = {date:Date}
              ORDER BY frozen_at, body_sha256 LIMIT 1`,
      query_params: { kind, date: reportDate },
      format: 'JSONEachRow',
    });
    const [row] = await rs.json<SnapshotRow>();
    if (!row) return undefined;
    if (sha256(row.body) !== row.body_sha256) {
      throw new Error(`report snapshot ${kind} ${reportDate} fails its checksum; refusing to serve it`);
    }
    return {
      kind: row.kind,
      report_date: row.report_date,
      cutoff_at: iso(row.cutoff_at),
      frozen_at: iso(row.frozen_at),
      body_sha256: row.body_sha256,
      body: row.body,
      report: ReportSchema.parse(JSON.parse(row.body)),
    };
  }

  /** Writes a snapshot and returns the one that counts (an earlier concurrent freeze wins). */
  async save(report: Report, frozenAtMs: number): Promise<FrozenSnapshot> {
    const body = JSON.stringify(report);
    await this.client.insert({
      table: `${this.db}.report_snapshots`,
      format: 'JSONEachRow',
      values: [
        {
          kind: report.kind,
          report_date: report.report_date,
          cutoff_at: chInstant(Date.parse(report.cutoff_at)),
          frozen_at: chInstant(frozenAtMs),
          schema_version: report.schema_version,
          body,
          body_sha256: sha256(body),
        },
      ],
    });
    const stored = await this.find(report.kind, report.report_date);
    if (!stored) throw new Error(`report snapshot ${report.kind} ${report.report_date} was not stored`);
    return stored;
  }

  async list(kind: ReportKind, limit: number): Promise<SnapshotSummary[]> {
    const rs = await this.client.query({
      query: `SELECT kind, report_date, cutoff_at, frozen_at, body_sha256
              FROM ${this.db}.report_snapshots
              WHERE kind = {kind:String}
              ORDER BY report_date DESC, frozen_at, body_sha256
              LIMIT 1 BY report_date
              LIMIT {limit:UInt32}`,
      query_params: { kind, limit },
      format: 'JSONEachRow',
    });
    const rows = await rs.json<Omit<SnapshotRow, 'body'>>();
    return rows.map((r) => ({ ...r, cutoff_at: iso(r.cutoff_at), frozen_at: iso(r.frozen_at) }));
  }
}
