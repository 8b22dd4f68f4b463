import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, vnLocalDate, type AlertKind, type AlertSeverity, type IncidentReport } from '@kh02/schemas';
import { applyCounter, systemHealth, type TelemetryState } from './apply.js';
import type { Thresholds } from './config.js';
import type { AlertPoint } from './state/health-state.js';

interface IncidentRow {
  vendor: string;
  system_id: string;
  unit_code: string;
  incident_id: string;
  phase: IncidentReport['phase'];
  at: string;
  severity: IncidentReport['severity'];
  title: string;
  message: string;
  received_at: string;
}

type AlertTuple = {
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  code: string;
  started_at: string | null;
};

async function rows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

const ms = (iso: string) => Date.parse(iso.endsWith('Z') ? iso : `${iso}Z`);

export interface RebuildCounts {
  counterPoints: number;
  samples: number;
  alerts: number;
  reports: number;
  incidentReports: number;
}

/**
 * Rebuilds exactly the state the live feed keeps, from ClickHouse: the newest
 * counter report per commune and local hour (today and yesterday), samples in
 * the evaluation window, alerts in the lookback, the newest daily report per
 * system and date. Same inputs, same evaluation → a restart shows the same wall.
 */
export async function rebuildState(
  client: ClickHouseClient,
  db: string,
  state: TelemetryState,
  now: number,
  t: Thresholds,
  /** Counters are loaded from this local date (the earlier of yesterday and the last working day). */
  countersFrom: string = addDays(vnLocalDate(now), -1),
): Promise<RebuildCounts> {
  const today = vnLocalDate(now);
  const counters = await rows<{ unit_code: string; p: [string, string, number, number, number, number, number] }>(
    client,
    `SELECT unit_code, argMax((interval_end, received_at, received, received_online, processed, on_time, late), (interval_end, received_at)) AS p
     FROM ${db}.counter_reports WHERE report_date >= {from:Date}
     GROUP BY unit_code, toStartOfHour(interval_end)`,
    { from: countersFrom },
  );
  for (const r of counters) {
    const [intervalEnd, receivedAt, received, receivedOnline, processed, onTime, late] = r.p;
    applyCounter(
      state,
      {
        unit_code: r.unit_code,
        interval_end: new Date(ms(intervalEnd)).toISOString(),
        received,
        received_online: receivedOnline,
        processed,
        on_time: onTime,
        late,
      },
      ms(receivedAt),
    );
  }

  const sampleFrom = now - Math.max(t.samples.windowMs, t.samples.noreportAfterMs);
  const samples = await rows<{
    event_id: string;
    system_id: string;
    observed_at: string;
    uptime_pct: number;
    cpu_pct: number;
    ram_pct: number;
    response_ms: number | null;
  }>(
    client,
    `SELECT event_id, system_id, observed_at, uptime_pct, cpu_pct, ram_pct, response_ms
     FROM ${db}.health_samples WHERE observed_at >= {from:DateTime64(3, 'UTC')} LIMIT 1 BY event_id`,
    { from: new Date(sampleFrom).toISOString().replace('Z', '') },
  );
  for (const s of samples) {
    systemHealth(state, s.system_id).addSample({
      eventId: s.event_id,
      t: ms(s.observed_at),
      uptime: s.uptime_pct,
      cpu: s.cpu_pct,
      ram: s.ram_pct,
      responseMs: s.response_ms,
    });
  }

  const alerts = await rows<{
    event_id: string;
    system_id: string;
    at: string;
    kind: AlertKind;
    severity: AlertSeverity;
    message: string;
    code: string;
  }>(
    client,
    `SELECT DISTINCT event_id, system_id, at, kind, severity, message, code
     FROM ${db}.alerts WHERE source = 'sample' AND at >= {from:DateTime64(3, 'UTC')}`,
    { from: new Date(now - t.alerts.lookbackMs).toISOString().replace('Z', '') },
  );
  for (const a of alerts) {
    systemHealth(state, a.system_id).addAlert(a.event_id, {
      at: ms(a.at),
      kind: a.kind,
      severity: a.severity,
      message: a.message,
      code: a.code,
      source: 'sample',
    });
  }

  const last = await rows<{ system_id: string; last: string }>(
    client,
    `SELECT system_id, max(last_observed_at) AS last FROM ${db}.health_minute
     WHERE bucket >= {from:DateTime('UTC')} GROUP BY system_id`,
    { from: new Date(now - 3 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ') },
  );
  for (const l of last) {
    const s = systemHealth(state, l.system_id);
    const t2 = ms(l.last);
    if (s.lastSampleAt === undefined || t2 > s.lastSampleAt) s.lastSampleAt = t2;
  }

  const reports = await rows<{
    system_id: string;
    report_date: string;
    p: [number, number, number, string, AlertTuple[] | [string, string, string, string, string | null][]];
  }>(
    client,
    `SELECT system_id, report_date, argMax((uptime_pct, peak_cpu_pct, peak_ram_pct, received_at, alerts), received_at) AS p
     FROM ${db}.health_reports WHERE report_date >= {from:Date} GROUP BY system_id, report_date`,
    { from: addDays(today, -3) },
  );
  for (const r of reports) {
    const [uptime, peakCpu, peakRam, receivedAt, rawAlerts] = r.p;
    const reportAlerts: AlertPoint[] = rawAlerts.map((a) => {
      const [kind, severity, message, code, startedAt] = Array.isArray(a)
        ? a
        : [a.kind, a.severity, a.message, a.code, a.started_at];
      return {
        at: startedAt ? ms(startedAt) : Date.parse(`${r.report_date}T00:00:00+07:00`),
        kind: kind as AlertKind,
        severity: severity as AlertSeverity,
        message,
        code,
        source: 'daily_report' as const,
      };
    });
    systemHealth(state, r.system_id).addReport(r.report_date, {
      uptime,
      peakCpu,
      peakRam,
      receivedAtMs: ms(receivedAt),
      alerts: reportAlerts,
    });
  }
  const incidents = await rows<IncidentRow>(
    client,
    `SELECT vendor, system_id, unit_code, incident_id, phase, at, severity, title, message, received_at
     FROM ${db}.incident_reports FINAL WHERE at >= {from:DateTime64(3, 'UTC')} ORDER BY received_at`,
    { from: new Date(now - 8 * 86_400_000).toISOString().replace('Z', '') },
  );
  for (const r of incidents) {
    state.incidents.apply(
      {
        event_id: '',
        vendor: r.vendor,
        system_id: r.system_id,
        unit_code: r.unit_code,
        incident_id: r.incident_id,
        phase: r.phase,
        at: new Date(ms(r.at)).toISOString(),
        severity: r.severity,
        ...(r.title ? { title: r.title } : {}),
        message: r.message,
      },
      ms(r.received_at),
    );
  }
  return {
    counterPoints: counters.length,
    samples: samples.length,
    alerts: alerts.length,
    reports: reports.length,
    incidentReports: incidents.length,
  };
}
