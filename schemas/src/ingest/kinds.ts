import type { z } from 'zod';
import { CounterReportSchema, type CounterReport } from './counter-report.js';
import { HealthReportSchema, type HealthReport } from './health-report.js';
import { HealthSampleSchema, type HealthSample } from './health-sample.js';
import { IncidentReportSchema, type IncidentReport } from './incident-report.js';

export const TELEMETRY_KINDS = ['health_sample', 'health_report', 'counter_report', 'incident_report'] as const;
export type TelemetryKind = (typeof TELEMETRY_KINDS)[number];

export interface TelemetryEventByKind {
  health_sample: HealthSample;
  health_report: HealthReport;
  counter_report: CounterReport;
  incident_report: IncidentReport;
}
export type TelemetryEvent = TelemetryEventByKind[TelemetryKind];

export const EVENT_SCHEMAS: { [K in TelemetryKind]: z.ZodType<TelemetryEventByKind[K]> } = {
  health_sample: HealthSampleSchema,
  health_report: HealthReportSchema,
  counter_report: CounterReportSchema,
  incident_report: IncidentReportSchema,
};

/** The versioned ingest route for each kind. */
export const INGEST_ROUTES: Record<TelemetryKind, string> = {
  health_sample: '/v1/health-samples',
  health_report: '/v1/health-reports',
  counter_report: '/v1/counter-reports',
  incident_report: '/v1/incident-reports',
};

/** At most this many events per request; bigger loads are split by the sender. */
export const MAX_EVENTS_PER_REQUEST = 1000;
/** Request body limit in bytes (decoded). 1,000 full samples with alerts fit well inside. */
export const MAX_BODY_BYTES = 1_048_576;
