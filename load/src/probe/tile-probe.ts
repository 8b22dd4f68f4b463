import type { Tile } from '@kh02/schemas';
import { tileProbeRequest } from '../../scenarios/index.js';
import { IngestClient } from '../runner/ingest-client.js';
import { LatencyRecorder } from '../runner/latency-recorder.js';
import { openWallSocket, subscribeWall, type WallSocket } from './wall-socket.js';

interface PendingProbe {
  province: string;
  wantRed: boolean;
  postedAt: number;
}

export interface TileProbeResult {
  /** POST sent → wall diff showing the new colour received (event-correlated, same host clock). */
  postToTileMs: LatencyRecorder;
  /** POST → 202 of the probe requests themselves. */
  acceptMs: LatencyRecorder;
  posted: number;
  accepted: number;
  /** Probes whose colour change never reached the wall within the timeout. */
  timedOut: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Measures POST → socket.io diff latency: each probe posts the colour a
 * province tile does NOT currently show (red ↔ not red, so every post
 * changes the tile) and times until a `wall:diff:v1` carries that change.
 * One probe per province at a time, provinces in rotation.
 */
export class TileProbe {
  private socket: WallSocket | undefined;
  private readonly status = new Map<string, Tile['status']>();
  private readonly pending = new Map<string, PendingProbe>();
  private readonly client: IngestClient;
  private seq = 0;
  private result: TileProbeResult = TileProbe.emptyResult();

  constructor(
    private readonly opts: {
      apiUrl: string;
      ingestUrl: string;
      tokens: Record<string, string>;
      runId: string;
      provinces: readonly string[];
      /** Display session for the live feed (see wall-session.ts). */
      wallToken?: string | undefined;
      timeoutMs?: number;
    },
  ) {
    this.client = new IngestClient(opts.ingestUrl, opts.tokens, 8);
  }

  private static emptyResult(): TileProbeResult {
    return {
      postToTileMs: new LatencyRecorder(),
      acceptMs: new LatencyRecorder(),
      posted: 0,
      accepted: 0,
      timedOut: 0,
    };
  }

  async connect(): Promise<void> {
    const socket = openWallSocket(this.opts.apiUrl, this.opts.wallToken);
    this.socket = socket;
    socket.on('wall:snapshot:v1', (s) => this.onTiles(s.tiles));
    socket.on('wall:diff:v1', (d) => this.onTiles(d.tiles));
    await subscribeWall(socket);
  }

  /** Probes for `durationSec` at about `ratePerSec` posts/s; returns what was measured since the last call. */
  async run(durationSec: number, ratePerSec: number): Promise<TileProbeResult> {
    this.result = TileProbe.emptyResult();
    const end = performance.now() + durationSec * 1000;
    const gapMs = 1000 / ratePerSec;
    let next = 0;
    const inFlight: Promise<void>[] = [];
    while (performance.now() < end) {
      const province = this.nextIdleProvince(next);
      if (province) {
        next = this.opts.provinces.indexOf(province) + 1;
        inFlight.push(this.probe(province));
      }
      await sleep(gapMs);
    }
    await Promise.all(inFlight);
    return this.result;
  }

  /** The next province in rotation from `from` that has no probe waiting for its diff. */
  private nextIdleProvince(from: number): string | undefined {
    const all = this.opts.provinces;
    for (let i = 0; i < all.length; i++) {
      const candidate = all[(from + i) % all.length];
      if (candidate !== undefined && !this.pending.has(candidate)) return candidate;
    }
    return undefined;
  }

  async close(): Promise<void> {
    this.socket?.disconnect();
    await this.client.close();
  }

  private async probe(province: string): Promise<void> {
    const wantRed = this.status.get(province) !== 'red';
    const postedAt = performance.now();
    const entry: PendingProbe = { province, wantRed, postedAt };
    this.pending.set(province, entry);
    this.result.posted++;
    const req = tileProbeRequest({
      province,
      red: wantRed,
      seq: this.seq++,
      nowMs: Date.now(),
      runId: this.opts.runId,
    });
    const answer = await this.client.send(req);
    this.result.acceptMs.record(answer.latencyMs);
    if (answer.status !== 202) {
      this.pending.delete(province);
      return;
    }
    this.result.accepted++;
    const deadline = postedAt + (this.opts.timeoutMs ?? 10_000);
    while (this.pending.get(province) === entry && performance.now() < deadline) await sleep(20);
    if (this.pending.get(province) === entry) {
      this.pending.delete(province);
      this.result.timedOut++;
    }
  }

  private onTiles(tiles: Tile[]): void {
    const receivedAt = performance.now();
    for (const tile of tiles) {
      this.status.set(tile.code, tile.status);
      const p = this.pending.get(tile.code);
      if (p && (tile.status === 'red') === p.wantRed) {
        this.result.postToTileMs.record(receivedAt - p.postedAt);
        this.pending.delete(tile.code);
      }
    }
  }
}
