import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  Tile,
  WallDiff,
  WallSnapshot,
} from '@kh02/schemas';
import { io, type Socket } from 'socket.io-client';

/**
 * A wall reduced to its protocol (the real one is a Svelte store): apply the
 * snapshot, apply diffs whose seq is exactly last + 1, resubscribe with
 * `last_seq` on a gap or after every reconnect. Two mirrors that received
 * the same history must hold the same tiles.
 */
export class WallMirror {
  readonly tiles = new Map<string, Tile>();
  counts: WallSnapshot['counts'] | undefined;
  lastSeq: number | null = null;
  readonly subscribeModes: string[] = [];
  connects = 0;
  gaps = 0;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(url: string, token?: string) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      ...(token ? { auth: { token } } : {}),
    });
    this.socket.on('connect', () => {
      this.connects++;
      this.subscribe();
    });
    this.socket.on('wall:snapshot:v1', (s) => this.applySnapshot(s));
    this.socket.on('wall:diff:v1', (d) => this.applyDiff(d));
  }

  /** Resolves once the first snapshot is applied. */
  async ready(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lastSeq === null) {
      if (Date.now() > deadline) throw new Error('wall mirror got no snapshot');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Tiles and counts as one comparable string (tiles in code order). */
  state(): string {
    const tiles = [...this.tiles.values()].sort((a, b) => a.code.localeCompare(b.code));
    return JSON.stringify({ counts: this.counts, tiles });
  }

  /** Only what the colours say: counts and each tile's status. */
  colours(): string {
    const tiles = [...this.tiles.values()].sort((a, b) => a.code.localeCompare(b.code));
    return JSON.stringify({ counts: this.counts, status: tiles.map((t) => [t.code, t.status]) });
  }

  /**
   * Where two walls disagree: `<tile code>: <fields>` (and `counts`), empty when
   * identical. Numbers are compared to 3 decimals, the precision at which the
   * status engine itself decides that a value changed (float noise is not a change).
   */
  differences(other: WallMirror): string[] {
    const out: string[] = [];
    if (shown(this.counts) !== shown(other.counts)) out.push('counts');
    for (const code of new Set([...this.tiles.keys(), ...other.tiles.keys()])) {
      const a = this.tiles.get(code);
      const b = other.tiles.get(code);
      if (!a || !b) {
        out.push(`${code}: only on one wall`);
        continue;
      }
      const fields = (Object.keys(a) as (keyof Tile)[]).filter((k) => shown(a[k]) !== shown(b[k]));
      if (fields.length > 0) out.push(`${code}: ${fields.join(', ')}`);
    }
    return out.sort();
  }

  close(): void {
    this.socket.close();
  }

  private subscribe(): void {
    const req = this.lastSeq === null ? {} : { last_seq: this.lastSeq };
    this.socket.emit('wall:subscribe:v1', req, (ack: SubscribeAck) => {
      if (ack.mode) this.subscribeModes.push(ack.mode);
    });
  }

  private applySnapshot(s: WallSnapshot): void {
    this.tiles.clear();
    for (const t of s.tiles) this.tiles.set(t.code, t);
    this.counts = s.counts;
    this.lastSeq = s.seq;
  }

  private applyDiff(d: WallDiff): void {
    if (this.lastSeq === null || d.seq <= this.lastSeq) return;
    if (d.seq !== this.lastSeq + 1) {
      this.gaps++;
      this.subscribe();
      return;
    }
    for (const t of d.tiles) this.tiles.set(t.code, t);
    this.counts = d.counts;
    this.lastSeq = d.seq;
  }
}

/** JSON with numbers rounded to 3 decimals. */
function shown(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v));
}
