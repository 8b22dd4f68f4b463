import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Registry } from '@kh02/schemas/registry';
import { dailyReportOf } from './demo-reports.js';
import { systemProfiles } from './profiles.js';

/** The vendor the demo plays as one that cannot push its daily report: the api pulls it instead. */
export const PULLED_DEMO_VENDOR = 'CMC';

export interface DemoPullSource {
  file: string;
  systemId: string;
  close(): Promise<void>;
}

/**
 * For `npm start`: a vendor endpoint on a free loopback port that serves one
 * CMC system's daily System Health Report (`GET /shr?date=`), and a pull
 * sources file pointing at it, so the sources panel shows a live pull.
 */
export async function startDemoPullSource(dataDir: string, registry: Registry): Promise<DemoPullSource | undefined> {
  const system = systemProfiles(registry).find((s) => s.vendor === PULLED_DEMO_VENDOR && s.trouble === 'none');
  if (!system) return undefined;
  const server = createServer((req, res) => {
    const date = new URL(req.url ?? '/', 'http://demo').searchParams.get('date');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return res.writeHead(400).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(dailyReportOf(system, date)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const file = join(dataDir, 'pull-sources.demo.json');
  const source = { system_id: system.id, url: `http://127.0.0.1:${port}/shr`, at_local: '06:30' };
  await writeFile(file, JSON.stringify({ sources: [source] }, null, 2));
  return {
    file,
    systemId: system.id,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
