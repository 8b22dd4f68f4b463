import { z } from 'zod';
import { FieldIssueSchema } from '../api-errors.js';

/** The push endpoints for tools vendors already run (docs/conformance.md). */
export const PUSH_ROUTES = {
  /** Prometheus remote-write 1.0: snappy-compressed protobuf `WriteRequest`. */
  prometheus: '/v1/prometheus/write',
  /** OTLP/HTTP metrics: `ExportMetricsServiceRequest` as protobuf or JSON. */
  otlp: '/v1/otlp/metrics',
} as const;

/** Counts of series values left aside, by reason (never stored). */
export const IgnoredSeriesSchema = z.object({
  unknown_metric: z.number().int(),
  unmapped: z.number().int(),
  no_value: z.number().int(),
  incomplete: z.number().int(),
  unsupported_type: z.number().int(),
});

/**
 * The answer to a Prometheus remote-write push (200): how many health samples
 * the series made and whether they are durable (`bus_seq`), what was left
 * aside and why, and the values refused (field path = the series in the
 * request). A push where every recognised series is refused is a 400.
 */
export const MetricPushAcceptedSchema = z.object({
  status: z.enum(['accepted', 'partial', 'nothing_to_store']),
  /** Health samples made and durable on the bus. */
  accepted: z.number().int(),
  /** Refused values (see `errors`). */
  rejected: z.number().int(),
  duplicate: z.boolean(),
  /** Bus sequence of the message carrying the samples; null when there was nothing to store. */
  bus_seq: z.number().int().nullable(),
  series: z.object({ values: z.number().int(), used: z.number().int(), ignored: IgnoredSeriesSchema }),
  errors: z.array(FieldIssueSchema).optional(),
});
export type MetricPushAccepted = z.infer<typeof MetricPushAcceptedSchema>;
