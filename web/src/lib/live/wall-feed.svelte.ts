/*
 * Live state of the national wall, fed only by typed socket events:
 * snapshot, then diffs with seq = previous + 1, and heartbeats every ~2 s.
 *
 * - A gap in seq (or a heartbeat announcing a seq we never got) triggers a
 *   re-subscribe with the last applied seq; the server replays or resends a snapshot.
 * - On reconnect it re-subscribes with the last applied seq.
 * - The link is "lost" when the socket is down, or when nothing (not even a
 *   heartbeat) has arrived for `heartbeatTimeoutMs`. The banner and the stale
 *   rendering hang off that, so an operator never mistakes old colours for live ones.
 * Memory is bounded: tiles are replaced by code, nothing is appended.
 */
import {
  WallDiffSchema,
  WallSnapshotSchema,
  type ServerToClientEvents,
  type StatusChange,
  type StatusCounts,
  type Tile,
  type WallDiff,
  type WallSnapshot,
} from '@kh02/schemas';
import { markChanged, mergeChanges, NO_CHANGES } from './change-list';
import { mergeTiles, tilesByCode } from './tile-maps';
import type { LiveTransport, Unsubscribe } from './transport';

export type LinkState = 'connecting' | 'live' | 'lost';

const KEEP_CHANGES = 30;
export type PipelineHealth = WallSnapshot['pipeline'];
type Heartbeat = Parameters<ServerToClientEvents['heartbeat:v1']>[0];

export interface WallFeedOptions {
  now?: () => number;
  /** No message for this long → link lost. Heartbeats come every ~2 s. */
  heartbeatTimeoutMs?: number;
  /** How often liveness is re-evaluated; detection latency ≤ timeout + tick. */
  tickMs?: number;
  /** A re-subscribe without an ack for this long may be retried. */
  resyncRetryMs?: number;
}

export class WallFeed {
  tiles = $state.raw<ReadonlyMap<string, Tile>>(tilesByCode([]));
  counts = $state.raw<{ provinces: StatusCounts; agencies: StatusCounts } | null>(null);
  lastSeq = $state<number | null>(null);
  dataAsOf = $state<string | null>(null);
  pipeline = $state.raw<PipelineHealth | null>(null);
  /** Local time the last heartbeat arrived. */
  lastHeartbeatAt = $state<number | null>(null);
  /** server_time − local time at the last heartbeat, to align SLA clocks with the server. */
  clockSkewMs = $state(0);
  link = $state<LinkState>('connecting');
  /** Re-subscribes caused by gaps; a diagnostic, not an error. */
  resyncs = $state(0);
  /** Messages dropped because they did not match the contract. */
  protocolErrors = $state(0);
  /** "Mới chuyển trạng thái": colour changes of provinces and agencies, newest first. */
  changes = $state.raw<StatusChange[]>([]);
  /** Local time each unit's colour last changed while this wall watched (for the tile's pulse). */
  changedAt = $state.raw<ReadonlyMap<string, number>>(NO_CHANGES);

  readonly linkLost: boolean = $derived(this.link === 'lost');
  readonly provinceTiles: Tile[] = $derived([...this.tiles.values()].filter((t) => t.kind === 'province'));
  readonly agencyTiles: Tile[] = $derived([...this.tiles.values()].filter((t) => t.kind === 'agency'));

  readonly #transport: LiveTransport;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #tickMs: number;
  readonly #resyncRetryMs: number;
  #socketUp = false;
  #startedAt = 0;
  #connectedAt: number | null = null;
  #lastMessageAt: number | null = null;
  #everLive = false;
  #resyncSentAt: number | null = null;
  /** seq a heartbeat announced that we had not applied; a second such beat means a real gap. */
  #behindSeen = false;
  #unsubs: Unsubscribe[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(transport: LiveTransport, opts: WallFeedOptions = {}) {
    this.#transport = transport;
    this.#now = opts.now ?? Date.now;
    this.#timeoutMs = opts.heartbeatTimeoutMs ?? 4_500;
    this.#tickMs = opts.tickMs ?? 500;
    this.#resyncRetryMs = opts.resyncRetryMs ?? 5_000;
  }

  /** Starts listening; returns the matching stop. Safe to call once per instance. */
  start(): Unsubscribe {
    this.#startedAt = this.#now();
    const t = this.#transport;
    this.#unsubs.push(
      t.onConnect(() => this.#onConnect()),
      t.onDisconnect(() => {
        this.#socketUp = false;
        this.#resyncSentAt = null;
        this.evaluate();
      }),
      t.on('wall:snapshot:v1', (s) => this.#guard(WallSnapshotSchema, s, (v) => this.applySnapshot(v))),
      t.on('wall:diff:v1', (d) => this.#guard(WallDiffSchema, d, (v) => this.applyDiff(v))),
      t.on('heartbeat:v1', (b) => this.onHeartbeat(b)),
    );
    if (t.connected) this.#onConnect();
    this.#timer = setInterval(() => this.evaluate(), this.#tickMs);
    return () => this.stop();
  }

  stop(): void {
    for (const u of this.#unsubs) u();
    this.#unsubs = [];
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  applySnapshot(s: WallSnapshot): void {
    this.#seen();
    this.tiles = tilesByCode(s.tiles);
    this.changes = s.recent_changes.slice(0, KEEP_CHANGES);
    this.#applyCommon(s);
    this.#resyncSentAt = null;
    this.evaluate();
  }

  applyDiff(d: WallDiff): void {
    this.#seen();
    const last = this.lastSeq;
    // Before the first snapshot there is nothing to apply a diff to; the snapshot is on its way.
    if (last === null || d.seq <= last) return;
    if (d.seq !== last + 1) {
      this.#resync();
      return;
    }
    this.tiles = mergeTiles(this.tiles, d.tiles);
    if (d.recent_changes.length > 0) this.#addChanges(d.recent_changes);
    this.#applyCommon(d);
    this.evaluate();
  }

  onHeartbeat(beat: Heartbeat): void {
    const now = this.#now();
    this.#seen();
    this.lastHeartbeatAt = now;
    this.pipeline = beat.pipeline;
    const serverMs = Date.parse(beat.server_time);
    if (Number.isFinite(serverMs)) this.clockSkewMs = serverMs - now;
    const last = this.lastSeq;
    if (last === null) {
      // Subscribed but no snapshot yet (ack or snapshot lost): ask again, rate-limited.
      this.#resync();
    } else if (beat.wall_seq < last) {
      // The server restarted and its sequence began again: our seq means nothing to it.
      this.lastSeq = null;
      this.#resync();
    } else if (beat.wall_seq > last) {
      // One beat ahead can just be a diff in flight; two in a row is a missed diff.
      if (this.#behindSeen) this.#resync();
      this.#behindSeen = true;
    } else {
      this.#behindSeen = false;
    }
    this.evaluate();
  }

  /** Re-derives the link state from the clock; called on every event and on a timer. */
  evaluate(): void {
    const now = this.#now();
    let next: LinkState;
    if (!this.#socketUp) {
      next = this.#everLive || now - this.#startedAt >= this.#timeoutMs ? 'lost' : 'connecting';
    } else {
      const lastSign = Math.max(this.#lastMessageAt ?? -Infinity, this.#connectedAt ?? -Infinity);
      if (now - lastSign > this.#timeoutMs) next = 'lost';
      else if (this.lastSeq === null) next = this.#everLive ? 'lost' : 'connecting';
      else next = 'live';
    }
    if (next === 'live') this.#everLive = true;
    if (next !== this.link) this.link = next;
  }

  #onConnect(): void {
    this.#socketUp = true;
    this.#connectedAt = this.#now();
    this.#subscribe();
    this.evaluate();
  }

  #subscribe(): void {
    this.#resyncSentAt = this.#now();
    this.#behindSeen = false;
    const req = this.lastSeq === null ? {} : { last_seq: this.lastSeq };
    this.#transport.emit('wall:subscribe:v1', req, () => {
      this.#resyncSentAt = null;
    });
  }

  #resync(): void {
    // socket.io buffers emits while offline; the reconnect handler subscribes anyway.
    if (!this.#socketUp) return;
    const sent = this.#resyncSentAt;
    if (sent !== null && this.#now() - sent < this.#resyncRetryMs) return;
    this.resyncs++;
    this.#subscribe();
  }

  #applyCommon(m: WallSnapshot): void {
    this.lastSeq = m.seq;
    this.counts = m.counts;
    this.dataAsOf = m.data_as_of ?? this.dataAsOf;
    this.pipeline = m.pipeline;
    this.#behindSeen = false;
  }

  #addChanges(fresh: StatusChange[]): void {
    const { changes, added } = mergeChanges(this.changes, fresh, KEEP_CHANGES);
    this.changes = changes;
    this.changedAt = markChanged(
      this.changedAt,
      added.map((c) => c.code),
      this.#now(),
    );
  }

  #seen(): void {
    this.#lastMessageAt = this.#now();
  }

  #guard<T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    raw: unknown,
    apply: (v: T) => void,
  ) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) apply(parsed.data);
    else this.protocolErrors++;
  }
}
