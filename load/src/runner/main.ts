import { INGEST_SCENARIOS, ingestPlan } from '../../scenarios/index.js';
import { newRunId, parseArgs } from '../cli-args.js';
import { formatIngestResult } from './report.js';
import { runIngestScenario } from './run-ingest.js';
import { readTokens } from './tokens.js';

const USAGE = `usage: npm run load -w @kh02/load -- <scenario> --tokens <credentials.json> [--ingest http://127.0.0.1:8080]
         [--scale 0.1] [--duration 30s] [--run-id id] [--exclude-units 01000,79000] [--connections 256] [--json]
scenarios: ${Object.keys(INGEST_SCENARIOS).join(', ')}`;

/**
 * The Node load runner: the same scenario definitions as load/k6/*.js, run
 * with undici from any machine that has done `npm install`. Exits 1 when a
 * threshold fails (k6 exits 99).
 */
const args = parseArgs(process.argv.slice(2), ['json', 'help']);
const name = args.positional[0];
if (!name || args.flags.has('help')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(name ? 0 : 2);
}
const tokensFile = args.options.get('tokens') ?? process.env.TOKENS_FILE ?? 'data/api-keys.demo-credentials.json';
const plan = ingestPlan(name, {
  SCALE: args.options.get('scale') ?? process.env.SCALE,
  DURATION: args.options.get('duration') ?? process.env.DURATION,
});
const connections = args.options.get('connections');
const tokens = await readTokens(tokensFile);
const result = await runIngestScenario(plan, {
  ingestUrl: args.options.get('ingest') ?? process.env.INGEST_URL ?? 'http://127.0.0.1:8080',
  tokens,
  runId: args.options.get('run-id') ?? newRunId('L'),
  excludeUnits: (args.options.get('exclude-units') ?? '').split(',').filter(Boolean),
  ...(connections ? { connections: Number(connections) } : {}),
  // A parent benchmark starts its CPU window and probes on this, not on process start (tsx takes ~1 s).
  onStart: () => process.send?.({ type: 'started' }),
});
if (process.send) process.send({ type: 'result', result });
process.stdout.write(args.flags.has('json') ? `${JSON.stringify(result)}\n` : `${formatIngestResult(result)}\n`);
process.exitCode = result.thresholds.every((t) => t.ok) ? 0 : 1;
if (process.send) process.disconnect();
