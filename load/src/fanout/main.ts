import { WALL_SCENARIOS, wallPlan } from '../../scenarios/index.js';
import { newRunId, parseArgs } from '../cli-args.js';
import { formatLatency, formatThresholds } from '../runner/report.js';
import { displayToken } from '../probe/wall-session.js';
import { readTokens } from '../runner/tokens.js';
import { runWallFanout, type FanoutResult } from './wall-fanout.js';

const USAGE = `usage: npm run fanout -w @kh02/load -- [wall-fanout] --tokens <credentials.json>
         [--api http://127.0.0.1:3000] [--ingest http://127.0.0.1:8080] [--scale 0.1] [--duration 30s] [--json]
         [--wall-token <display session> | --accounts data/demo-accounts.json]
scenarios: ${Object.keys(WALL_SCENARIOS).join(', ')}`;

function format(r: FanoutResult): string {
  return [
    `scenario ${r.scenario}: ${r.clientsSubscribed}/${r.clientsRequested} walls subscribed, ${r.clientsConnectedAtEnd} still connected after ${r.holdSec} s`,
    `  diff delivery  ${formatLatency(r.diffLatencyMs)}`,
    `  diffs/s per wall  avg ${r.diffsPerSecAvg.toFixed(1)}  busiest second ${r.diffsPerSecMax}; seq gaps ${r.seqGaps}`,
    `  POST → tile    ${formatLatency(r.probe.postToTileMs)} (${r.probe.posted} probes, ${r.probe.timedOut} timed out)`,
    ...formatThresholds(r.thresholds),
  ].join('\n');
}

/**
 * The Node wall fan-out runner (k6 equivalent: load/k6/wall-fanout.js). When
 * spawned with IPC it reports the measured window so a parent can sample
 * server CPU over exactly that window.
 */
const args = parseArgs(process.argv.slice(2), ['json', 'help']);
if (args.flags.has('help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const plan = wallPlan(args.positional[0] ?? 'wall-fanout', {
  SCALE: args.options.get('scale') ?? process.env.SCALE,
  DURATION: args.options.get('duration') ?? process.env.DURATION,
});
const apiUrl = args.options.get('api') ?? process.env.API_URL ?? 'http://127.0.0.1:3000';
const wallToken =
  args.options.get('wall-token') ??
  process.env.WALL_TOKEN ??
  (await displayToken(apiUrl, args.options.get('accounts') ?? 'data/demo-accounts.json'));
const result = await runWallFanout(plan, {
  apiUrl,
  wallToken,
  ingestUrl: args.options.get('ingest') ?? process.env.INGEST_URL ?? 'http://127.0.0.1:8080',
  tokens: await readTokens(
    args.options.get('tokens') ?? process.env.TOKENS_FILE ?? 'data/api-keys.demo-credentials.json',
  ),
  runId: args.options.get('run-id') ?? newRunId('W'),
  onHold: (phase) => process.send?.({ type: `hold-${phase}` }),
});
if (process.send) process.send({ type: 'result', result });
process.stdout.write(args.flags.has('json') ? `${JSON.stringify(result)}\n` : `${format(result)}\n`);
process.exitCode = result.thresholds.every((t) => t.ok) ? 0 : 1;
if (process.send) process.disconnect();
