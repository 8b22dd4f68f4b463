import { STREAMS, SUBJECTS } from '@kh02/schemas';
import type { ConsumerSpec, StreamSpec } from './types.js';

export interface BusLimits {
  /** Telemetry held while the writer catches up; beyond it ingest answers 503. */
  telemetryMaxBytes: number;
  maxMsgBytes: number;
  /** Unwritten telemetry older than this is dropped: the documented loss horizon. */
  telemetryMaxAgeMs: number;
  /** ≥ the longest client retry horizon, so a retried request is recognised. */
  duplicateWindowMs: number;
}

export const DEFAULT_BUS_LIMITS: BusLimits = {
  telemetryMaxBytes: 1024 * 1024 * 1024,
  maxMsgBytes: 2 * 1024 * 1024,
  telemetryMaxAgeMs: 7 * 24 * 3_600_000,
  duplicateWindowMs: 10 * 60_000,
};

export const WRITER_TELEMETRY_CONSUMER = 'writer-telemetry';
export const WRITER_WORKFLOW_CONSUMER = 'writer-workflow';

export interface BusTopology {
  streams: StreamSpec[];
  durableConsumers: ConsumerSpec[];
}

/**
 * Telemetry uses interest retention: a message stays until the writer (a
 * durable consumer created before the first publish) and any live status
 * engine have acknowledged it, so nothing unwritten is ever discarded by
 * retention. Workflow (tickets, accounts, config) is an event log: limits retention, kept for years.
 */
export function busTopology(
  limits: BusLimits = DEFAULT_BUS_LIMITS,
  overrides: { writerAckWaitMs?: number } = {},
): BusTopology {
  const streams: StreamSpec[] = [
    {
      name: STREAMS.telemetry,
      subjects: [SUBJECTS.telemetryAll],
      retention: 'interest',
      maxBytes: limits.telemetryMaxBytes,
      maxMsgBytes: limits.maxMsgBytes,
      maxAgeMs: limits.telemetryMaxAgeMs,
      duplicateWindowMs: limits.duplicateWindowMs,
    },
    {
      name: STREAMS.deadLetter,
      subjects: [SUBJECTS.deadLetterAll],
      retention: 'limits',
      maxBytes: 256 * 1024 * 1024,
      maxMsgBytes: limits.maxMsgBytes * 2,
      maxAgeMs: 30 * 24 * 3_600_000,
      duplicateWindowMs: limits.duplicateWindowMs,
    },
    {
      name: STREAMS.workflow,
      subjects: [SUBJECTS.workflowAll],
      retention: 'limits',
      maxBytes: 1024 * 1024 * 1024,
      maxMsgBytes: 1024 * 1024,
      maxAgeMs: 10 * 365 * 24 * 3_600_000,
      duplicateWindowMs: limits.duplicateWindowMs,
    },
  ];
  const durableConsumers: ConsumerSpec[] = [
    {
      stream: STREAMS.telemetry,
      name: WRITER_TELEMETRY_CONSUMER,
      durable: true,
      ackWaitMs: overrides.writerAckWaitMs ?? 60_000,
      maxAckPending: 20_000,
      deliverPolicy: 'all',
    },
    {
      stream: STREAMS.workflow,
      name: WRITER_WORKFLOW_CONSUMER,
      durable: true,
      ackWaitMs: 60_000,
      maxAckPending: 5_000,
      deliverPolicy: 'all',
    },
  ];
  return { streams, durableConsumers };
}
