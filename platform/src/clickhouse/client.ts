import { createClient, type ClickHouseClient } from '@clickhouse/client';

type ClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

export interface ClickHouseOptions {
  /** A real server, e.g. http://clickhouse:8123. When absent the embedded chDB engine is used. */
  url?: string;
  username?: string;
  password?: string;
  /** Data directory of the embedded engine (one process owns it). */
  embeddedPath: string;
  requestTimeoutMs?: number;
}

export interface ClickHouseHandle {
  client: ClickHouseClient;
  mode: 'server' | 'embedded';
}

/**
 * Settings stated explicitly on every client, because server defaults drift
 * between versions (26.x turns async inserts on by default; older servers
 * quote 64-bit integers in JSON).
 */
const CLICKHOUSE_SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  // The writer batches itself and must see insert errors before acking the bus.
  async_insert: 0,
  date_time_input_format: 'best_effort',
  date_time_output_format: 'iso',
} as const;

/**
 * The same @clickhouse/client code talks to a real server or to the embedded
 * ClickHouse engine (chDB); only the connection differs. chDB is an optional
 * dependency imported lazily so production images can omit its 546 MB.
 */
export async function openClickHouse(opts: ClickHouseOptions): Promise<ClickHouseHandle> {
  if (opts.url) {
    const client = createClient({
      url: opts.url,
      username: opts.username ?? 'default',
      password: opts.password ?? '',
      request_timeout: opts.requestTimeoutMs ?? 30_000,
      clickhouse_settings: CLICKHOUSE_SETTINGS,
    });
    return { client, mode: 'server' };
  }
  const { createChdbConnection } = await import('chdb/connection');
  const client = createClient({
    // chDB implements the Connection interface from @clickhouse/client-common, while
    // @clickhouse/client 1.23 bundles its own copy of the same types: equal in shape,
    // distinct to the compiler.
    connection: createChdbConnection({ path: opts.embeddedPath }) as unknown as ClientConnection,
    clickhouse_settings: CLICKHOUSE_SETTINGS,
  });
  return { client, mode: 'embedded' };
}
