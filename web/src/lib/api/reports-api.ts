/*
 * Daily / weekly report endpoints (api/src/reports/routes.ts, docs/daily-report.md).
 * Reads need a session like every /api/ route; the wall's display session is enough.
 */
import {
  ReportEnvelopeSchema,
  SnapshotListSchema,
  type ReportEnvelope,
  type ReportKind,
  type SnapshotInfo,
} from '@kh02/schemas';
import type { Download, RestClient } from './rest';

export type ReportFormat = 'csv' | 'pdf';

export function reportPath(kind: ReportKind, date: string): string {
  return `/api/v1/reports/${kind}/${encodeURIComponent(date)}`;
}

export class ReportsApi {
  constructor(readonly rest: RestClient) {}

  get(kind: ReportKind, date: string, signal?: AbortSignal): Promise<ReportEnvelope> {
    return this.rest.get(reportPath(kind, date), ReportEnvelopeSchema, signal);
  }

  /** Frozen snapshots, newest first. */
  async snapshots(kind: ReportKind, limit = 14, signal?: AbortSignal): Promise<SnapshotInfo[]> {
    const list = await this.rest.get(`/api/v1/reports?kind=${kind}&limit=${limit}`, SnapshotListSchema, signal);
    return list.snapshots;
  }

  /** CSV: every scope unless one is named; PDF: the national page unless a province (or `all`) is named. */
  file(kind: ReportKind, date: string, format: ReportFormat, scope?: string): Promise<Download> {
    const q = new URLSearchParams({ format });
    if (scope) q.set('scope', scope);
    return this.rest.download(`${reportPath(kind, date)}?${q.toString()}`);
  }
}
