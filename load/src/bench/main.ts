import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from '../cli-args.js';
import { measureFloor, measureNaive, measureStore } from './baselines.js';
import { renderReport, type BenchReport } from './report.js';
import { waitForQuietMachine } from './machine-stats.js';
import { runSoak } from './soak-phase.js';
import { runTopology } from './topology-run.js';

const USAGE = `npm run bench [-- options]
  --quick                 shorter phases (6 s; fan-out held 8 s)
  --only <list>           any of embedded,nats,floor,naive (default: all; naive includes the store ceiling)
  --scenarios <list>      ingest phases, each on a fresh system (default: x10,x100,saturate-single,saturate-batch,
                          burst-17h,burst-17h-sharp on the embedded system; the same minus the bursts on NATS)
  --duration <sec>        seconds per constant-rate phase (default 12)
  --no-fanout             skip the 1,000-wall fan-out phase (embedded topology)
  --no-remote-write       skip the Prometheus remote-write phase (embedded topology; --duration long)
  --remote-write-pushers <n>  concurrent remote-write pushers (default 8)
  --fanout-scale <n>      fraction of the 1,000 walls (default 1)
  --pin-system <cpus>     taskset CPU list for the system processes (default: unpinned)
  --pin-load <cpus>       taskset CPU list for the load generator and wall clients (default: unpinned)
  --soak <sec>            also hold x100 × --soak-scale (default 0.2 = 20k events/s) on one embedded system
                          for <sec> seconds, sampling heap, RSS and event-loop delay every 5 s
  --quiet-retries <n>     repeat a phase when other processes used > --max-other-load % of a core during it,
                          keeping the quietest attempt (default 2; 0 on a dedicated machine)
  --max-other-load <pct>  default 25
  --profile <dir>         write a V8 CPU profile of the writer/status process into <dir>
  --out <file.md>         also write the Markdown report there
  --json <file.json>      also write the raw results there`;

const args = parseArgs(process.argv.slice(2), ['quick', 'no-fanout', 'no-remote-write', 'help']);
if (args.flags.has('help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const log = (line: string) => process.stderr.write(`${line}\n`);
const list = (name: string, fallback: string) => (args.options.get(name) ?? fallback).split(',').filter(Boolean);
const quick = args.flags.has('quick');
const only = new Set(list('only', 'embedded,nats,floor,naive'));
const durationSec = Number(args.options.get('duration') ?? (quick ? 6 : 12));
const pinSystem = args.options.get('pin-system');
const pinLoad = args.options.get('pin-load');
const profileDir = args.options.get('profile');

function sh(cmd: string, cmdArgs: string[]): string {
  try {
    return execFileSync(cmd, cmdArgs, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

const report: BenchReport = {
  startedAt: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}, nats-server ${sh('nats-server', ['--version'])}`,
  code: `${sh('git', ['rev-parse', '--short', 'HEAD'])}${sh('git', ['status', '--porcelain']) === '' ? '' : ' + uncommitted changes'}`,
  pinning: `system ${pinSystem ? `taskset -c ${pinSystem}` : 'unpinned'}, load generator ${pinLoad ? `taskset -c ${pinLoad}` : 'unpinned'}`,
  durationSec,
  floor: undefined,
  naive: undefined,
  store: undefined,
  topologies: [],
  soak: undefined,
};

const CONSTANT_RATE = 'x10,x100,saturate-single,saturate-batch';
const settings = {
  scenarios: list('scenarios', `${CONSTANT_RATE},burst-17h,burst-17h-sharp`),
  durationSec,
  generatorCpus: pinLoad,
  quiet: {
    retries: Number(args.options.get('quiet-retries') ?? 2),
    maxForeignPercent: Number(args.options.get('max-other-load') ?? 25),
  },
  topology: {
    ...(pinSystem ? { cpus: pinSystem } : {}),
    ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
  },
  log,
};
const fanout = args.flags.has('no-fanout')
  ? undefined
  : { holdSec: quick ? 8 : 15, scale: Number(args.options.get('fanout-scale') ?? 1) };

// Baselines first, on a quiet machine; then each topology with all of its phases.
const quietFirst = () => waitForQuietMachine(60, settings.quiet.maxForeignPercent);
if (only.has('floor')) {
  await quietFirst();
  log('raw floor (parse + validate + publish)');
  report.floor = await measureFloor(quick ? 3 : 5, only.has('nats'), pinSystem);
}
if (only.has('naive')) {
  await quietFirst();
  log('naive baseline (one ClickHouse insert per request)');
  report.naive = await measureNaive(quick ? 3 : 5, pinSystem);
  log("store ceiling (the writer's 10,000-row inserts back to back)");
  report.store = await measureStore(quick ? 3 : 5, pinSystem);
}
if (only.has('embedded')) {
  log('embedded topology (a fresh system per phase)');
  const remoteWrite = args.flags.has('no-remote-write')
    ? undefined
    : { concurrency: Number(args.options.get('remote-write-pushers') ?? 8) };
  report.topologies.push(await runTopology('embedded', { ...settings, fanout, remoteWrite }));
}
if (only.has('nats')) {
  log('NATS topology (a fresh system per phase)');
  // The bursts exercise the same fastify front in both shapes; NATS runs them only when asked.
  const scenarios = list('scenarios', CONSTANT_RATE);
  report.topologies.push(await runTopology('nats', { ...settings, scenarios, fanout: undefined }));
}
const soakSec = Number(args.options.get('soak') ?? 0);
if (soakSec > 0) {
  const scale = Number(args.options.get('soak-scale') ?? 0.2);
  await quietFirst();
  log(`soak: x100 × ${scale} for ${soakSec} s`);
  report.soak = await runSoak({ scenario: 'x100', scale, seconds: soakSec, generatorCpus: pinLoad }, settings.topology);
}

const markdown = renderReport(report);
process.stdout.write(`${markdown}\n`);
const out = args.options.get('out');
if (out) await writeFile(out, markdown);
const json = args.options.get('json');
if (json) await writeFile(json, JSON.stringify(report, null, 2));
const lost = report.topologies.some((t) => t.zeroLoss.some((z) => !z.ok)) || report.soak?.zeroLoss === false;
process.exitCode = lost ? 1 : 0;
