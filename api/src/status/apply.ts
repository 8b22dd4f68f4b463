import {
  type IncidentReport,
  vnLocalDate,
  vnMinuteOfDay,
  type CounterReport,
  type HealthReport,
  type HealthSample,
  type TelemetryBatchMessage,
} from '@kh02/schemas';
import { CommuneCounters } from './state/counter-state.js';
import { SystemHealth, type AlertPoint } from './state/health-state.js';
import { IncidentBook } from './state/incident-state.js';

export interface TelemetryState {
  communes: Map<string, CommuneCounters>;
  systems: Map<string, SystemHealth>;
  incidents: IncidentBook;
}

export function emptyState(): TelemetryState {
  return { communes: new Map(), systems: new Map(), incidents: new IncidentBook() };
}

/** The system's health record, created on first use. */
export function systemHealth(state: TelemetryState, id: string): SystemHealth {
  let s = state.systems.get(id);
  if (!s) {
    s = new SystemHealth();
    state.systems.set(id, s);
  }
  return s;
}

export function applyCounter(
  state: TelemetryState,
  e: Pick<
    CounterReport,
    'unit_code' | 'interval_end' | 'received' | 'received_online' | 'processed' | 'on_time' | 'late'
  >,
  receivedAtMs: number,
): void {
  let c = state.communes.get(e.unit_code);
  if (!c) {
    c = new CommuneCounters();
    state.communes.set(e.unit_code, c);
  }
  const t = Date.parse(e.interval_end);
  c.apply(vnLocalDate(t), Math.floor(vnMinuteOfDay(t) / 60), {
    received: e.received,
    received_online: e.received_online,
    processed: e.processed,
    on_time: e.on_time,
    late: e.late,
    intervalEndMs: t,
    receivedAtMs,
  });
}

export function applySample(state: TelemetryState, e: HealthSample): void {
  const s = systemHealth(state, e.system_id);
  const t = Date.parse(e.observed_at);
  s.addSample({
    eventId: e.event_id,
    t,
    uptime: e.uptime_pct,
    cpu: e.cpu_pct,
    ram: e.ram_pct,
    responseMs: e.response_ms ?? null,
  });
  for (const a of e.alerts ?? []) {
    s.addAlert(e.event_id, {
      at: a.started_at ? Date.parse(a.started_at) : t,
      kind: a.kind,
      severity: a.severity,
      message: a.message,
      code: a.code ?? '',
      source: 'sample',
    });
  }
}

export function applyReport(state: TelemetryState, e: HealthReport, receivedAtMs: number): void {
  const alerts: AlertPoint[] = (e.alerts ?? []).map((a) => ({
    at: a.started_at ? Date.parse(a.started_at) : Date.parse(`${e.report_date}T00:00:00+07:00`),
    kind: a.kind,
    severity: a.severity,
    message: a.message,
    code: a.code ?? '',
    source: 'daily_report',
  }));
  systemHealth(state, e.system_id).addReport(e.report_date, {
    uptime: e.uptime_pct,
    peakCpu: Math.max(...e.peaks.map((p) => p.cpu_pct)),
    peakRam: Math.max(...e.peaks.map((p) => p.ram_pct)),
    receivedAtMs,
    alerts,
  });
}

/** Applies one accepted bus message; returns the unit codes (communes, systems) it touched. */
export function applyMessage(
  state: TelemetryState,
  m: TelemetryBatchMessage,
): { communes: string[]; systems: string[] } {
  const touched = { communes: [] as string[], systems: [] as string[] };
  for (const raw of m.events) {
    if (m.kind === 'counter_report') {
      const e = raw as CounterReport;
      applyCounter(state, e, m.received_at_ms);
      touched.communes.push(e.unit_code);
    } else if (m.kind === 'health_sample') {
      const e = raw as HealthSample;
      applySample(state, e);
      touched.systems.push(e.system_id);
    } else if (m.kind === 'health_report') {
      const e = raw as HealthReport;
      applyReport(state, e, m.received_at_ms);
      touched.systems.push(e.system_id);
    } else {
      const e = raw as IncidentReport;
      state.incidents.apply(e, m.received_at_ms);
      touched.systems.push(e.system_id);
    }
  }
  return touched;
}
