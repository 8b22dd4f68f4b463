import {
  ApiErrorBodySchema,
  EVENT_SCHEMAS,
  IngestAcceptedSchema,
  MetricPushAcceptedSchema,
  MAX_EVENTS_PER_REQUEST,
  TELEMETRY_KINDS,
  type TelemetryKind,
} from '@kh02/schemas';
import { z } from 'zod';

/*
 * The ingest contracts published as JSON Schema (draft 2020-12), generated
 * from the same zod schemas the server validates with, so they cannot drift.
 * Cross-field rules that JSON Schema cannot say (on_time + late = processed,
 * the accepted time window) are stated in the descriptions and enforced by
 * the server and the conformance kit.
 */

export type JsonSchema = Record<string, unknown>;

interface Documented {
  title: string;
  description: string;
}

/** Human descriptions of the event contracts; a kind added later is still published, with its name as title. */
const EVENT_DOCS: Partial<Record<TelemetryKind, Documented>> = {
  health_sample: {
    title: 'Health sample (mẫu giám sát hệ thống)',
    description:
      'A frequent health sample for one system, pushed by the vendor that operates it: uptime, CPU, RAM, network, ' +
      'response time and alerts. observed_at must be within 5 minutes ahead of and 48 hours behind server time.',
  },
  health_report: {
    title: 'Daily System Health Report (báo cáo trạng thái hệ thống)',
    description:
      'The daily report due before 08:00 for the previous day: uptime, load at the peak times, alerts. report_date ' +
      'must be within the last 7 days and every peak time must fall on report_date (Vietnam time).',
  },
  counter_report: {
    title: 'Counter report (số liệu bộ phận một cửa)',
    description:
      'Transaction counts of a commune one-stop counter or provincial centre, CUMULATIVE for the local day that ' +
      'contains interval_end. Also enforced by the server: received_online ≤ received and on_time + late = processed; ' +
      'interval_end within 5 minutes ahead of and 72 hours behind server time.',
  },
  incident_report: {
    title: 'Technical incident report (báo cáo sự cố kỹ thuật)',
    description:
      'A serious incident within 15 minutes of detection, updates every 30 minutes, the fix, and the root cause within ' +
      '24 hours; one event per phase, tied together by incident_id. A detected incident needs a title.',
  },
};

/** 'health_sample' → 'health-sample': the file name under /v1/schemas/. */
export const schemaNameOfKind = (kind: TelemetryKind): string => kind.replaceAll('_', '-');

interface Published extends Documented {
  name: string;
  schema: z.ZodType;
}

export const PUBLISHED_SCHEMAS: readonly Published[] = [
  ...TELEMETRY_KINDS.map((kind) => ({
    name: schemaNameOfKind(kind),
    schema: EVENT_SCHEMAS[kind] as z.ZodType,
    ...(EVENT_DOCS[kind] ?? { title: kind, description: `The ${kind} event contract.` }),
  })),
  {
    name: 'ingest-accepted',
    schema: IngestAcceptedSchema,
    title: 'Accepted (202) or partially accepted (207) response',
    description: 'duplicate = true when the Idempotency-Key was already accepted: nothing new was stored.',
  },
  {
    name: 'metric-push-accepted',
    schema: MetricPushAcceptedSchema,
    title: 'Prometheus remote-write answer (200)',
    description:
      'How many health samples the pushed series made (durable when bus_seq is set), what was ignored and why, and the refused values (path = the series).',
  },
  {
    name: 'api-error',
    schema: ApiErrorBodySchema,
    title: 'Error response',
    description: 'Every error: a stable code, a Vietnamese and English message, and field-level details.',
  },
];

export const PUBLISHED_SCHEMA_NAMES: readonly string[] = PUBLISHED_SCHEMAS.map((p) => p.name);

const cache = new Map<string, JsonSchema>();

/** The JSON Schema document for one contract, with a stable $id; undefined for an unknown name. */
export function publishedSchema(name: string): JsonSchema | undefined {
  let doc = cache.get(name);
  if (!doc) {
    const p = PUBLISHED_SCHEMAS.find((x) => x.name === name);
    if (!p) return undefined;
    const generated = z.toJSONSchema(p.schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
    doc = { $id: `urn:kh02:ingest:v1:${name}`, title: p.title, description: p.description, ...generated };
    cache.set(name, doc);
  }
  return doc;
}

/** A request body: one event, or { "events": [...] } with 1 to 1,000 events. */
export function requestBodySchema(eventRef: JsonSchema): JsonSchema {
  return {
    oneOf: [
      eventRef,
      {
        type: 'object',
        required: ['events'],
        additionalProperties: false,
        properties: { events: { type: 'array', minItems: 1, maxItems: MAX_EVENTS_PER_REQUEST, items: eventRef } },
      },
    ],
  };
}
