import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { addDays, SourcePanelSchema, vnLocalDate, vnMidnight } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { makeTempDir } from '@kh02/platform/local';
import { demoPasswords, eventually, login, startTestSystem, type TestSystem } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The pull wired into the whole system: PULL_SOURCES_FILE names a real HTTP
 * endpoint playing a vendor that cannot push; the api fetches yesterday's
 * report at start, the writer stores it, and the sources panel shows both
 * the fetch and the report as received.
 */
const system = defaultRegistry().systemsOfVendor('CMC')[0]!;
let vendor: Server;
let requests = 0;
let t: TestSystem;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  vendor = createServer((req, res) => {
    requests += 1;
    const day = new URL(req.url ?? '/', 'http://x').searchParams.get('date') ?? '';
    const peak = new Date(vnMidnight(day) + 10 * 3_600_000).toISOString();
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        event_id: randomUUID(),
        vendor: system.vendorCode,
        system_id: system.id,
        unit_code: system.unitCode,
        report_date: day,
        uptime_pct: 99.9,
        peaks: [{ at: peak, cpu_pct: 60, ram_pct: 50, net_in_bps: 1e7, net_out_bps: 1e7 }],
      }),
    );
  });
  await new Promise<void>((r) => vendor.listen(0, '127.0.0.1', r));
  const address = vendor.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  dir = await makeTempDir('pull-sources');
  const file = join(dir.path, 'pull-sources.json');
  const source = { system_id: system.id, url: `http://127.0.0.1:${port}/shr`, at_local: '00:00' };
  await writeFile(file, JSON.stringify({ sources: [source] }));
  t = await startTestSystem('pull', { env: { PULL_SOURCES_FILE: file } });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await dir?.remove();
  await new Promise((r) => vendor?.close(r));
});

describe('a configured pull source', () => {
  it('is fetched at start and shown on the sources panel; the report it returned is stored', async () => {
    const session = await login(t.system, 'cc.giamsat', (await demoPasswords(t.dataDir))['cc.giamsat']!);
    const panel = async () => {
      const res = await fetch(`${t.system.apiUrl}/api/v1/sources`, { headers: { authorization: `Bearer ${session}` } });
      return SourcePanelSchema.parse(await res.json());
    };
    const yesterday = addDays(vnLocalDate(Date.now()), -1);
    await eventually(async () => {
      const p = await panel();
      return (
        p.pulls[0]?.status === 'ok' && p.systems.find((s) => s.id === system.id)?.daily_report.received_at !== null
      );
    }, 30_000);
    const p = await panel();
    expect(p.pulls).toEqual([
      expect.objectContaining({
        system_id: system.id,
        for_date: yesterday,
        status: 'ok',
        attempts: 1,
        last_error: null,
      }),
    ]);
    expect(requests).toBe(1);
  });
});
