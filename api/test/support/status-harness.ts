import type { ClickHouseClient } from '@clickhouse/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import type { Bus } from '@kh02/platform';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { DEFAULT_STATUS_CONFIG } from '../../src/status/config.js';
import { DEFAULT_LIVE_OPTIONS } from '../../src/live/live-hub.js';
import { StatusService } from '../../src/status/status-service.js';
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
    io: new Server<ClientToServerEvents, ServerToClientEvents>(),
    logger: silent,
    now,
    live: DEFAULT_LIVE_OPTIONS,
  });
}
