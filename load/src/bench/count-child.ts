import { openClickHouse } from '@kh02/platform';

/**
 * Counts stored telemetry per run id (the event-id prefix before the first
 * '.'; 'prw' for remote-write samples) in a stopped system's chDB directory. A child process because chDB
 * holds one data directory per process for the life of the process.
 */
export interface RunCount {
  table: string;
  run: string;
  rows: number;
  uniqueIds: number;
}

const path = process.argv[2];
if (!path) throw new Error('usage: count-child.ts <chdb data dir>');
const { client } = await openClickHouse({ embeddedPath: path });
const counts: RunCount[] = [];
for (const table of ['health_samples', 'counter_reports', 'health_reports']) {
  const rs = await client.query({
    // Remote-write samples have derived ids (prw-<hash>): they count under the run 'prw'.
    query: `SELECT if(startsWith(event_id, 'prw-'), 'prw', splitByChar('.', event_id)[1]) AS run,
                   count() AS rows, uniqExact(event_id) AS uniqueIds
            FROM kh02.${table} GROUP BY run`,
    format: 'JSONEachRow',
  });
  for (const r of await rs.json<{ run: string; rows: number; uniqueIds: number }>()) {
    counts.push({ table, run: r.run, rows: Number(r.rows), uniqueIds: Number(r.uniqueIds) });
  }
}
await client.close();
process.send?.({ type: 'counts', counts });
process.disconnect?.();
