import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { ClickHouseBatchStore } from '@kh02/ingest';
import { migrate } from '@kh02/platform';
import { makeTempDir, startClickHouseShim } from '@kh02/platform/testing';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { isPermanentInsertError } from '../../../ingest/src/writer/classify-error.js';

/**
 * Minimal reproduction (faults/README.md, finding 4): the writer's existing-id
 * lookup puts every id of a batch into the URL. Above ~14,000 ids of 64
 * characters the URL passes ClickHouse's 1 MiB `http_max_uri_size` (the shim
 * enforces the same limit); the error carries no ClickHouse code, so the
 * writer classes it transient and retries the same batch forever. The same
 * lookup with `use_multipart_params` (parameters in the body) succeeds.
 *
 *   npx tsx faults/src/repro/dedup-lookup-url-limit.ts
 */
const dir = await makeTempDir('url-limit');
const shim = await startClickHouseShim({ dataPath: dir.path });
const log = { level: ClickHouseLogLevel.OFF };
const inUrl = createClient({ url: shim.url, log });
const inBody = createClient({ url: shim.url, log, use_multipart_params: true });
await migrate(inUrl, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    event_id: `${'e'.repeat(56)}-${String(i).padStart(7, '0')}`,
    unit_code: '01',
    observed_at: '2026-11-23T09:00:00Z',
  }));
const lookup = (client: typeof inUrl, n: number) =>
  new ClickHouseBatchStore(client, 'kh02').existingEventIds('health_samples', rows(n)).then(
    () => 'ok',
    (err: unknown) => `error, permanent=${isPermanentInsertError(err)} (retried forever)`,
  );
for (const n of [10_000, 20_000]) {
  process.stdout.write(`${n} ids: in the URL → ${await lookup(inUrl, n)}; in the body → ${await lookup(inBody, n)}\n`);
}
await inUrl.close();
await inBody.close();
await shim.close();
await dir.remove();
