// Ad-hoc SQL against the embedded ClickHouse (chDB) data directory while the system is stopped:
//   npx tsx scripts/query.ts "SELECT count() FROM kh02.health_samples"
import { openClickHouse } from '@kh02/platform';

const sql = process.argv[2];
if (!sql) {
  console.error('Usage: npx tsx scripts/query.ts "<SQL>" (CHDB_PATH defaults to ./data/chdb)');
  process.exit(1);
}
const { client } = await openClickHouse({ embeddedPath: process.env.CHDB_PATH ?? './data/chdb' });
const rs = await client.query({ query: sql, format: 'JSONEachRow' });
for (const row of await rs.json()) console.log(JSON.stringify(row));
await client.close();
