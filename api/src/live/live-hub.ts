import type {
  ChildTile,
  ClientToServerEvents,
  ServerToClientEvents,
  StatusChange,
  Tile,
  UnitDiff,
  UnitSnapshot,
  WallDiff,
  WallSnapshot,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Server, Socket } from 'socket.io';
import type { EngineChanges, StatusEngine } from '../status/engine.js';
import { RecentChanges } from './recent-changes.js';
import {
  countStatuses,
  HEALTHY_PIPELINE,
  newestDataAsOf,
  presentChild,
  presentTile,
  type PipelineHealth,
} from './stale-presentation.js';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

interface Room {
  seq: number;
  ring: { seq: number; atMs: number; diff: WallDiff | UnitDiff }[];
  tiles: Set<string>;
  children: Set<string>;
  urgent: boolean;
  lastFlushMs: number;
  /** When the room first had news since its last diff (0: none), for the fan-out delay. */
  dirtySinceMs: number;
}

export interface LiveHubOptions {
  /** Colour changes go out within this (≤ 4 diffs/s per room). */
  urgentFlushMs: number;
  /** Number-only changes are batched this long, so 1,000 walls are not flooded. */
  routineFlushMs: number;
  heartbeatMs: number;
  ringSize: number;
  /** A wall away longer than this gets a snapshot instead of a replay. */
  resumeWindowMs: number;
  /** Told, per diff sent, how long its news waited in the hub (engine change → emit), for /metrics. */
  onFanout?: (room: 'wall' | 'unit', delayMs: number) => void;
}

export const DEFAULT_LIVE_OPTIONS: LiveHubOptions = {
  urgentFlushMs: 250,
  routineFlushMs: 5_000,
  heartbeatMs: 2_000,
  ringSize: 300,
  resumeWindowMs: 120_000,
};

const WALL = 'wall';
const unitRoom = (code: string) => `unit:${code}`;

/**
 * Snapshot on subscribe, then coalesced diffs with a per-room sequence. A
 * client that reconnects sends the last sequence it applied and gets the
 * missed diffs replayed, or a fresh snapshot when they are no longer held.
 */
export class LiveHub {
  private readonly rooms = new Map<string, Room>();
  private timers: NodeJS.Timeout[] = [];
  private pipeline: PipelineHealth = HEALTHY_PIPELINE;
  private readonly changes = new RecentChanges();

  constructor(
    private readonly io: LiveServer,
    private readonly engine: StatusEngine,
    private readonly registry: Registry,
    private readonly now: () => number,
    private readonly opts: LiveHubOptions = DEFAULT_LIVE_OPTIONS,
  ) {
    engine.onChanges((c) => this.onEngineChanges(c));
    io.on('connection', (socket) => this.onConnection(socket));
  }

  start(): void {
    this.timers.push(setInterval(() => this.flush(), Math.max(50, Math.floor(this.opts.urgentFlushMs / 2))));
    this.timers.push(
      setInterval(() => {
        this.io.emit('heartbeat:v1', {
          server_time: new Date(this.now()).toISOString(),
          wall_seq: this.room(WALL).seq,
          pipeline: this.pipeline,
        });
      }, this.opts.heartbeatMs),
    );
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  setPipeline(p: PipelineHealth): void {
    const flipped = p.stale !== this.pipeline.stale;
    this.pipeline = p;
    if (!flipped) return;
    // Every tile's presentation changes at once.
    const wall = this.room(WALL);
    for (const t of this.engine.allTiles()) wall.tiles.add(t.code);
    wall.urgent = true;
  }

  /** Recent colour changes from stored history, so the list survives a restart. */
  seedRecentChanges(changes: Iterable<StatusChange>): void {
    this.changes.seed([...changes].filter((c) => this.engine.tile(c.code) !== undefined));
  }

  pipelineHealth(): PipelineHealth {
    return this.pipeline;
  }

  wallSnapshot(): WallSnapshot {
    const tiles = this.engine.allTiles().map((t) => presentTile(t, this.pipeline));
    return {
      seq: this.room(WALL).seq,
      generated_at: new Date(this.now()).toISOString(),
      data_as_of: newestDataAsOf(tiles),
      counts: this.counts(tiles),
      tiles,
      pipeline: this.pipeline,
      recent_changes: this.changes.all(),
    };
  }

  unitSnapshot(code: string): UnitSnapshot | undefined {
    const tile = this.engine.tile(code);
    if (!tile) return undefined;
    const children = this.engine.childrenOf(code);
    return {
      seq: this.room(unitRoom(code)).seq,
      generated_at: new Date(this.now()).toISOString(),
      tile: presentTile(tile, this.pipeline),
      communes: children.communes.map((c) => presentChild(c, this.pipeline)),
      systems: children.systems.map((c) => presentChild(c, this.pipeline)),
    };
  }

  private counts(tiles: Tile[]): WallSnapshot['counts'] {
    return {
      provinces: countStatuses(tiles.filter((t) => t.kind === 'province')),
      agencies: countStatuses(tiles.filter((t) => t.kind === 'agency')),
    };
  }

  private room(name: string): Room {
    let r = this.rooms.get(name);
    if (!r) {
      r = { seq: 0, ring: [], tiles: new Set(), children: new Set(), urgent: false, lastFlushMs: 0, dirtySinceMs: 0 };
      this.rooms.set(name, r);
    }
    return r;
  }

  private onEngineChanges(c: EngineChanges): void {
    const wall = this.room(WALL);
    const t0 = this.now();
    const mark = (r: Room) => {
      if (r.dirtySinceMs === 0) r.dirtySinceMs = t0;
      return r;
    };
    for (const t of c.tiles) {
      mark(wall).tiles.add(t.code);
      mark(this.room(unitRoom(t.code))).tiles.add(t.code);
    }
    wall.urgent ||= c.urgent && c.tiles.length > 0;
    for (const change of c.statusChanges)
      if (this.engine.tile(change.code) !== undefined) {
        this.changes.add(change);
        mark(wall).tiles.add(change.code);
        wall.urgent = true;
      }
    for (const [unit, children] of c.children) {
      const r = mark(this.room(unitRoom(unit)));
      for (const ch of children) r.children.add(ch.code);
      r.urgent ||= c.urgent;
    }
  }

  private flush(): void {
    const t = this.now();
    for (const [name, room] of this.rooms) {
      if (room.tiles.size === 0 && room.children.size === 0) continue;
      // The timer ticks at half the urgent period, so the urgent period itself caps the diff rate.
      const waitMs = room.urgent ? this.opts.urgentFlushMs : this.opts.routineFlushMs;
      if (t - room.lastFlushMs < waitMs) continue;
      room.seq++;
      room.lastFlushMs = t;
      room.urgent = false;
      // Diffs are kept even when nobody watches: a lone wall that reconnects must be able to resume.
      const diff = name === WALL ? this.wallDiff(room) : this.unitDiff(name.slice(5), room);
      room.ring.push({ seq: room.seq, atMs: t, diff });
      while (
        room.ring.length > this.opts.ringSize ||
        (room.ring[0] && room.ring[0].atMs < t - this.opts.resumeWindowMs)
      )
        room.ring.shift();
      room.tiles.clear();
      room.children.clear();
      if (name === WALL) this.io.to(name).emit('wall:diff:v1', diff as WallDiff);
      else this.io.to(name).emit('unit:diff:v1', diff as UnitDiff);
      if (room.dirtySinceMs > 0) this.opts.onFanout?.(name === WALL ? 'wall' : 'unit', t - room.dirtySinceMs);
      room.dirtySinceMs = 0;
    }
  }

  private wallDiff(room: Room): WallDiff {
    const all = this.engine.allTiles().map((x) => presentTile(x, this.pipeline));
    const changed = all.filter((x) => room.tiles.has(x.code));
    return {
      seq: room.seq,
      generated_at: new Date(this.now()).toISOString(),
      data_as_of: newestDataAsOf(all),
      counts: this.counts(all),
      tiles: changed,
      pipeline: this.pipeline,
      recent_changes: this.changes.takePending(),
    };
  }

  private unitDiff(code: string, room: Room): UnitDiff {
    const tile = this.engine.tile(code);
    const children: ChildTile[] = [...room.children]
      .map((c) => this.engine.child(c))
      .filter((x): x is ChildTile => x !== undefined)
      .map((x) => presentChild(x, this.pipeline));
    return {
      seq: room.seq,
      generated_at: new Date(this.now()).toISOString(),
      code,
      tile: tile && room.tiles.has(code) ? presentTile(tile, this.pipeline) : null,
      communes: children.filter((c) => c.kind === 'commune'),
      systems: children.filter((c) => c.kind === 'system'),
    };
  }

  /** Missed diffs (lastSeq, seq] if all are still held; undefined otherwise. */
  private replayable(room: Room, lastSeq: number | undefined): (WallDiff | UnitDiff)[] | undefined {
    if (lastSeq === undefined || lastSeq > room.seq) return undefined;
    if (lastSeq === room.seq) return [];
    const first = room.ring[0];
    if (!first || first.seq > lastSeq + 1) return undefined;
    return room.ring.filter((e) => e.seq > lastSeq).map((e) => e.diff);
  }

  private onConnection(socket: Socket<ClientToServerEvents, ServerToClientEvents>): void {
    socket.on('wall:subscribe:v1', (req, ack) => {
      void socket.join(WALL);
      const missed = this.replayable(this.room(WALL), typeof req?.last_seq === 'number' ? req.last_seq : undefined);
      if (missed) {
        for (const d of missed) socket.emit('wall:diff:v1', d as WallDiff);
        ack?.({ ok: true, mode: 'replayed' });
      } else {
        socket.emit('wall:snapshot:v1', this.wallSnapshot());
        ack?.({ ok: true, mode: 'snapshot' });
      }
    });
    socket.on('unit:subscribe:v1', (req, ack) => {
      const code = typeof req?.code === 'string' ? req.code : '';
      const kind = this.registry.kindOf(code);
      if (kind !== 'province' && kind !== 'agency') {
        ack?.({ ok: false, error: { vi: `Không có đơn vị mã ${code}.`, en: `No unit with code ${code}.` } });
        return;
      }
      void socket.join(unitRoom(code));
      const missed = this.replayable(
        this.room(unitRoom(code)),
        typeof req.last_seq === 'number' ? req.last_seq : undefined,
      );
      if (missed) {
        for (const d of missed) socket.emit('unit:diff:v1', d as UnitDiff);
        ack?.({ ok: true, mode: 'replayed' });
        return;
      }
      const snapshot = this.unitSnapshot(code);
      if (snapshot) socket.emit('unit:snapshot:v1', snapshot);
      ack?.({ ok: true, mode: 'snapshot' });
    });
    socket.on('unit:unsubscribe:v1', (req) => {
      if (typeof req?.code === 'string') void socket.leave(unitRoom(req.code));
    });
  }
}
