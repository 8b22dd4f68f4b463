import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  Tile,
  WallDiff,
  WallSnapshot,
} from '@kh02/schemas';
import { eventually } from '@kh02/testkit';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSystem } from '../src/embedded.js';
import { postAsVendor, startTestSystem, type TestSystem } from '@kh02/testkit';
import { provinceSystem } from '@kh02/testkit';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let handle: TestSystem;
let system: EmbeddedSystem;
beforeAll(async () => {
  handle = await startTestSystem('live');
  system = handle.system;
});
afterAll(async () => handle.close());

/** A wall client that records everything it receives and keeps tiles by code. */
function wallClient() {
  const socket: Client = connect(system.apiUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token: system.displayToken },
  });
  const seen = { snapshots: [] as WallSnapshot[], diffs: [] as WallDiff[], tiles: new Map<string, Tile>() };
  socket.on('wall:snapshot:v1', (s) => {
    seen.snapshots.push(s);
    for (const t of s.tiles) seen.tiles.set(t.code, t);
  });
  socket.on('wall:diff:v1', (d) => {
    seen.diffs.push(d);
    for (const t of d.tiles) seen.tiles.set(t.code, t);
  });
  const subscribe = (lastSeq?: number) =>
    new Promise<SubscribeAck>((resolve) =>
      socket.emit('wall:subscribe:v1', lastSeq === undefined ? {} : { last_seq: lastSeq }, resolve),
    );
  return { socket, seen, subscribe };
}

async function postRedSample(province: string): Promise<void> {
  const s = provinceSystem(province);
  const status = await postAsVendor(system, '/v1/health-samples', s.vendorCode, {
    vendor: s.vendorCode,
    system_id: s.id,
    unit_code: s.unitCode,
    observed_at: new Date().toISOString(),
    uptime_pct: 10,
    cpu_pct: 99,
    ram_pct: 99,
    net_in_bps: 1,
    net_out_bps: 1,
  });
  expect(status).toBe(202);
}

const read = (path: string) =>
  fetch(`${system.apiUrl}${path}`, { headers: { authorization: `Bearer ${system.displayToken}` } });

const lastSeq = (c: ReturnType<typeof wallClient>) =>
  Math.max(c.seen.snapshots.at(-1)?.seq ?? 0, ...c.seen.diffs.map((d) => d.seq));

describe('live feed over socket.io', () => {
  it('sends a snapshot, then diffs in sequence, and a reconnecting wall resumes without missing a change', async () => {
    const a = wallClient();
    expect(await a.subscribe()).toMatchObject({ ok: true, mode: 'snapshot' });
    await eventually(() => a.seen.snapshots.length === 1);
    expect(a.seen.snapshots[0]?.tiles.length).toBeGreaterThanOrEqual(34 + 40);

    await postRedSample('01');
    await eventually(() => a.seen.tiles.get('01')?.status === 'red', 5_000);
    const seqs = a.seen.diffs.map((d) => d.seq);
    expect(seqs[0]).toBe(a.seen.snapshots[0]!.seq + 1);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    const resumeFrom = lastSeq(a);
    a.socket.disconnect();

    // A change while the wall is away.
    await postRedSample('79');
    await eventually(
      async () => ((await (await read('/api/v1/units/79')).json()) as { tile: Tile }).tile.status === 'red',
      5_000,
    );
    await new Promise((r) => setTimeout(r, 400));

    const b = wallClient();
    for (const [code, tile] of a.seen.tiles) b.seen.tiles.set(code, tile);
    expect(await b.subscribe(resumeFrom)).toMatchObject({ ok: true, mode: 'replayed' });
    await eventually(() => b.seen.tiles.get('79')?.status === 'red', 5_000);
    expect(b.seen.snapshots).toHaveLength(0);
    expect(b.seen.diffs[0]?.seq).toBe(resumeFrom + 1);
    // The resumed view equals a fresh snapshot.
    const fresh = (await (await read('/api/v1/wall')).json()) as WallSnapshot;
    for (const t of fresh.tiles) expect(b.seen.tiles.get(t.code)?.status).toBe(t.status);
    b.socket.disconnect();
  });

  it('falls back to a snapshot when the missed diffs are not held', async () => {
    const c = wallClient();
    expect(await c.subscribe(1_000_000)).toMatchObject({ ok: true, mode: 'snapshot' });
    await eventually(() => c.seen.snapshots.length === 1);
    c.socket.disconnect();
  });

  it('sends security headers and no CORS grant to other origins', async () => {
    const res = await fetch(`${system.apiUrl}/api/v1/wall`, {
      headers: { authorization: `Bearer ${system.displayToken}`, origin: 'https://evil.example' },
    });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const ingest = await fetch(`${system.ingestUrl}/health`);
    expect(ingest.headers.get('x-content-type-options')).toBe('nosniff');
    const metrics = await (await fetch(`${system.ingestUrl}/metrics`)).text();
    expect(metrics).toMatch(/kh02_writer_rows_written_total\{stream="telemetry"\} \d+/);
    expect(metrics).toContain('kh02_writer_dead_lettered_total{stream="workflow"} 0');
  });

  it('refuses reads and live connections without a session', async () => {
    expect((await fetch(`${system.apiUrl}/api/v1/wall`)).status).toBe(401);
    const anonymous: Client = connect(system.apiUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const error = await new Promise<Error>((resolve) => anonymous.on('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    anonymous.close();
  });

  it('drops live clients while the feed is paused and accepts them again after', async () => {
    const d = wallClient();
    await d.subscribe();
    await handle.setLiveFeedPaused(true);
    await eventually(() => !d.socket.connected);
    await handle.setLiveFeedPaused(false);
    const e = wallClient();
    expect(await e.subscribe()).toMatchObject({ ok: true });
    e.socket.disconnect();
  });
});
