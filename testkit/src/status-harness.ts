import type { ClickHouseClient } from '@clickhouse/client';
import { defaultRegistry } from '@kh02/schemas/registry';
import type { Bus } from '@kh02/platform';
import { pino } from 'pino';
import { DEFAULT_STATUS_CONFIG, StatusService } from '@kh02/api';
import { weekdayCalendar } from './engine-fixtures.js';

export const silent = pino({ level: 'silent' });

/** A status service on a real bus and the real ClickHouse engine, with an injected clock. */
export function makeStatusService(bus: Bus, clickhouse: ClickHouseClient, now: () => number): StatusService {
  return new StatusService({
    bus,
    clickhouse,
    database: 'kh02',
    registry: defaultRegistry(),
    config: DEFAULT_STATUS_CONFIG,
    calendar: weekdayCalendar,
    logger: silent,
    now,
  });
}
