import { loadIngestEnv } from '../env/ingest-env.js';
import { checkWriter } from '../health/writer-health.js';

/** Docker HEALTHCHECK of the writer container: exit 0 healthy, 1 not (details on stderr). */
const env = loadIngestEnv();
if (!env.NATS_URL) {
  process.stderr.write('NATS_URL is not set: the writer health check needs the NATS monitoring endpoint\n');
  process.exit(1);
}
const health = await checkWriter(env.NATS_URL);
process.stderr.write(`${health.details.join('\n')}\n`);
process.exit(health.healthy ? 0 : 1);
