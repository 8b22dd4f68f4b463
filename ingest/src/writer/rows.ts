import type { BusMessage } from '@kh02/platform';
import {
  TelemetryBatchEnvelopeSchema,
  vnLocalDate,
  type Alert,
  type CounterReport,
  type HealthReport,
  type HealthSample,
  type IncidentReport,
  type TelemetryBatchMessage,
} from '@kh02/schemas';

export type TelemetryTable = 'health_samples' | 'health_reports' | 'counter_reports' | 'incident_reports';
export type Row = Record<string, unknown>;

export interface RowContext {
  keyId: string;
  receivedAt: string;
  busSeq: number;
  provinceOf: (unitCode: string) => string | undefined;
}

const alertRow = (a: Alert) => ({
  kind: a.kind,
  severity: a.severity,
  message: a.message,
  code: a.code ?? '',
  started_at: a.started_at ?? null,
});

function sampleRow(e: HealthSample, c: RowContext): Row {
  return {
    event_id: e.event_id,
    vendor: e.vendor,
    system_id: e.system_id,
    unit_code: e.unit_code,
    observed_at: e.observed_at,
    uptime_pct: e.uptime_pct,
    cpu_pct: e.cpu_pct,
    ram_pct: e.ram_pct,
    net_in_bps: e.net_in_bps,
    net_out_bps: e.net_out_bps,
    response_ms: e.response_ms ?? null,
    alerts: (e.alerts ?? []).map(alertRow),
    key_id: c.keyId,
    received_at: c.receivedAt,
    bus_seq: c.busSeq,
  };
}

function reportRow(e: HealthReport, c: RowContext): Row {
  const max = (pick: (p: HealthReport['peaks'][number]) => number) => Math.max(...e.peaks.map(pick));
  return {
    event_id: e.event_id,
    vendor: e.vendor,
    system_id: e.system_id,
    unit_code: e.unit_code,
    report_date: e.report_date,
    uptime_pct: e.uptime_pct,
    peak_cpu_pct: max((p) => p.cpu_pct),
    peak_ram_pct: max((p) => p.ram_pct),
    peak_net_in_bps: max((p) => p.net_in_bps),
    peak_net_out_bps: max((p) => p.net_out_bps),
    peaks: e.peaks.map((p) => ({
      at: p.at,
      cpu_pct: p.cpu_pct,
      ram_pct: p.ram_pct,
      net_in_bps: p.net_in_bps,
      net_out_bps: p.net_out_bps,
    })),
    alerts: (e.alerts ?? []).map(alertRow),
    key_id: c.keyId,
    received_at: c.receivedAt,
    bus_seq: c.busSeq,
  };
}

function counterRow(e: CounterReport, c: RowContext): Row {
  return {
    event_id: e.event_id,
    // Official commune codes do not embed the province: the registry resolves it.
    province_code: c.provinceOf(e.unit_code) ?? '',
    unit_code: e.unit_code,
    interval_end: e.interval_end,
    report_date: vnLocalDate(Date.parse(e.interval_end)),
    received: e.received,
    received_online: e.received_online,
    processed: e.processed,
    on_time: e.on_time,
    late: e.late,
    top_procedures: (e.top_procedures ?? []).map((p) => ({ code: p.code, received: p.received })),
    key_id: c.keyId,
    received_at: c.receivedAt,
    bus_seq: c.busSeq,
  };
}

function incidentRow(e: IncidentReport, c: RowContext): Row {
  return {
    event_id: e.event_id,
    vendor: e.vendor,
    system_id: e.system_id,
    unit_code: e.unit_code,
    incident_id: e.incident_id,
    phase: e.phase,
    at: e.at,
    severity: e.severity,
    title: e.title ?? '',
    message: e.message,
    impact: e.impact ?? '',
    key_id: c.keyId,
    received_at: c.receivedAt,
    bus_seq: c.busSeq,
  };
}

/** Turns one bus message into rows for its ClickHouse table. */
export function rowsOf(
  message: TelemetryBatchMessage,
  busSeq: number,
  provinceOf: RowContext['provinceOf'],
): { table: TelemetryTable; rows: Row[] } {
  const ctx: RowContext = {
    keyId: message.key_id,
    receivedAt: new Date(message.received_at_ms).toISOString(),
    busSeq,
    provinceOf,
  };
  switch (message.kind) {
    case 'health_sample':
      return { table: 'health_samples', rows: (message.events as HealthSample[]).map((e) => sampleRow(e, ctx)) };
    case 'health_report':
      return { table: 'health_reports', rows: (message.events as HealthReport[]).map((e) => reportRow(e, ctx)) };
    case 'counter_report':
      return { table: 'counter_reports', rows: (message.events as CounterReport[]).map((e) => counterRow(e, ctx)) };
    case 'incident_report':
      return { table: 'incident_reports', rows: (message.events as IncidentReport[]).map((e) => incidentRow(e, ctx)) };
  }
}

/** The telemetry writer's decoder: bus message → rows of its ClickHouse table. */
export function decodeTelemetry(msg: BusMessage, provinceOf: RowContext['provinceOf']): { table: string; rows: Row[] } {
  const message = TelemetryBatchEnvelopeSchema.parse(
    JSON.parse(new TextDecoder().decode(msg.data)),
  ) as TelemetryBatchMessage;
  return rowsOf(message, msg.seq, provinceOf);
}
