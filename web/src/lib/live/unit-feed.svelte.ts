/*
 * Live state of one drill-down room (a province or an agency): the unit's
 * tile plus its communes and systems. Seeded from REST (UnitDetail) so the
 * page renders at once, then kept current by the unit room's snapshot and
 * diffs, with the same seq discipline as the wall.
 */
import {
  UnitDiffSchema,
  UnitSnapshotSchema,
  type BilingualText,
  type ChildTile,
  type Tile,
  type UnitDiff,
  type UnitSnapshot,
} from '@kh02/schemas';
import { mergeChildren } from './tile-maps';
import type { LiveTransport, Unsubscribe } from './transport';

export class UnitFeed {
  tile = $state.raw<Tile | null>(null);
  communes = $state.raw<ChildTile[]>([]);
  systems = $state.raw<ChildTile[]>([]);
  lastSeq = $state<number | null>(null);
  /** The server refused the subscription (unknown code). */
  error = $state.raw<BilingualText | null>(null);
  /** True once the room's own snapshot (not only REST) has been applied. */
  live = $state(false);

  readonly code: string;
  readonly #transport: LiveTransport;
  #unsubs: Unsubscribe[] = [];
  #pending = false;

  constructor(transport: LiveTransport, code: string) {
    this.#transport = transport;
    this.code = code;
  }

  /** Initial state from GET /api/v1/units/:code, shown until the room's snapshot arrives. */
  seed(detail: { tile: Tile; communes: ChildTile[]; systems: ChildTile[] }): void {
    if (this.live) return;
    this.tile = detail.tile;
    this.communes = detail.communes;
    this.systems = detail.systems;
  }

  start(): Unsubscribe {
    const t = this.#transport;
    this.#unsubs.push(
      t.onConnect(() => this.#subscribe()),
      t.on('unit:snapshot:v1', (raw) => {
        const s = UnitSnapshotSchema.safeParse(raw);
        if (s.success && s.data.tile.code === this.code) this.applySnapshot(s.data);
      }),
      t.on('unit:diff:v1', (raw) => {
        const d = UnitDiffSchema.safeParse(raw);
        if (d.success && d.data.code === this.code) this.applyDiff(d.data);
      }),
    );
    if (t.connected) this.#subscribe();
    return () => this.stop();
  }

  stop(): void {
    for (const u of this.#unsubs) u();
    this.#unsubs = [];
    if (this.#transport.connected) this.#transport.emit('unit:unsubscribe:v1', { code: this.code });
  }

  applySnapshot(s: UnitSnapshot): void {
    this.tile = s.tile;
    this.communes = s.communes;
    this.systems = s.systems;
    this.lastSeq = s.seq;
    this.live = true;
    this.#pending = false;
  }

  applyDiff(d: UnitDiff): void {
    const last = this.lastSeq;
    if (last === null || d.seq <= last) return;
    if (d.seq !== last + 1) {
      if (!this.#pending) this.#subscribe();
      return;
    }
    if (d.tile) this.tile = d.tile;
    this.communes = mergeChildren(this.communes, d.communes);
    this.systems = mergeChildren(this.systems, d.systems);
    this.lastSeq = d.seq;
  }

  #subscribe(): void {
    this.#pending = true;
    const req = this.lastSeq === null ? { code: this.code } : { code: this.code, last_seq: this.lastSeq };
    this.#transport.emit('unit:subscribe:v1', req, (ack) => {
      this.#pending = false;
      if (!ack.ok && ack.error) this.error = ack.error;
    });
  }
}
