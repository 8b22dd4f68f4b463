import type { WallPlan } from '../../scenarios/index.js';
import { TileProbe, type TileProbeResult } from '../probe/tile-probe.js';
import { openWallSocket, subscribeWall, type WallSocket } from '../probe/wall-socket.js';
import { LatencyRecorder, type LatencySummary } from '../runner/latency-recorder.js';
import { evaluateThresholds, type ThresholdVerdict } from '../runner/thresholds.js';

export interface FanoutOptions {
  apiUrl: string;
  ingestUrl: string;
  tokens: Record<string, string>;
  runId: string;
  wallToken: string | undefined;
  /** Told when the measured window (all walls in, tiles changing) starts and ends. */
  onHold?: (phase: 'start' | 'end') => void;
}

export interface FanoutResult {
  scenario: string;
  clientsRequested: number;
  clientsSubscribed: number;
  clientsConnectedAtEnd: number;
  connectFailures: number;
  /** `wall:diff:v1` generated_at (server clock, just before emit) → received by each wall. */
  diffLatencyMs: LatencySummary;
  diffsDelivered: number;
  /** Diffs per second one wall received: average over the hold and the busiest second. */
  diffsPerSecAvg: number;
  diffsPerSecMax: number;
  /** Diffs whose seq was not the previous + 1 (a wall would have to resync). */
  seqGaps: number;
  probe: { postToTileMs: LatencySummary; posted: number; accepted: number; timedOut: number };
  holdSec: number;
  thresholds: ThresholdVerdict[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Holds `plan.clients` walls open and subscribed (connections spread over
 * connectOver), then changes tiles at toggleRatePerSec for `hold` seconds
 * and measures how fast every diff reaches every wall.
 */
export async function runWallFanout(plan: WallPlan, opts: FanoutOptions): Promise<FanoutResult> {
  const latency = new LatencyRecorder();
  const perSecond = new Map<number, number>();
  const lastSeq = new Map<WallSocket, number>();
  let measuring = false;
  let gaps = 0;
  let failures = 0;
  const sockets: WallSocket[] = [];

  const attach = async (index: number) => {
    await sleep((index * plan.connectOverSec * 1000) / plan.clients);
    const socket = openWallSocket(opts.apiUrl, opts.wallToken);
    socket.on('wall:snapshot:v1', (s) => lastSeq.set(socket, s.seq));
    socket.on('wall:diff:v1', (d) => {
      const previous = lastSeq.get(socket);
      if (previous !== undefined && d.seq !== previous + 1) gaps++;
      lastSeq.set(socket, d.seq);
      if (!measuring) return;
      const now = Date.now();
      latency.record(now - Date.parse(d.generated_at));
      if (index === 0) perSecond.set(Math.floor(now / 1000), (perSecond.get(Math.floor(now / 1000)) ?? 0) + 1);
    });
    try {
      await subscribeWall(socket);
      sockets.push(socket);
    } catch {
      failures++;
      socket.disconnect();
    }
  };
  await Promise.all(Array.from({ length: plan.clients }, (_, i) => attach(i)));

  const probe = new TileProbe({
    apiUrl: opts.apiUrl,
    ingestUrl: opts.ingestUrl,
    tokens: opts.tokens,
    runId: opts.runId,
    provinces: plan.probeProvinces,
    wallToken: opts.wallToken,
  });
  await probe.connect();
  measuring = true;
  gaps = 0;
  opts.onHold?.('start');
  const probed: TileProbeResult = await probe.run(plan.holdSec, plan.toggleRatePerSec);
  opts.onHold?.('end');
  measuring = false;
  const connectedAtEnd = sockets.filter((s) => s.connected).length;
  await probe.close();
  for (const s of sockets) s.disconnect();

  // Whole seconds only: the first and last buckets are partial.
  const buckets = [...perSecond.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(1, -1)
    .map(([, n]) => n);
  const thresholds = evaluateThresholds(plan.thresholds, {
    wall_diff_latency: { type: 'trend', recorder: latency },
    wall_clients_subscribed: { type: 'gauge', value: sockets.length },
  });
  return {
    scenario: plan.name,
    clientsRequested: plan.clients,
    clientsSubscribed: sockets.length,
    clientsConnectedAtEnd: connectedAtEnd,
    connectFailures: failures,
    diffLatencyMs: latency.summary(),
    diffsDelivered: latency.count,
    diffsPerSecAvg: buckets.length ? buckets.reduce((a, b) => a + b, 0) / buckets.length : 0,
    diffsPerSecMax: buckets.length ? Math.max(...buckets) : 0,
    seqGaps: gaps,
    probe: {
      postToTileMs: probed.postToTileMs.summary(),
      posted: probed.posted,
      accepted: probed.accepted,
      timedOut: probed.timedOut,
    },
    holdSec: plan.holdSec,
    thresholds,
  };
}
