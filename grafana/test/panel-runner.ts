import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Dashboard, Panel } from '../src/grafana-model.js';
import { DASHBOARDS_DIR } from '../src/render-dashboards.js';
import { expandMacros, type PanelRange } from './grafana-macros.js';

export type Row = Record<string, unknown>;

/** The dashboards exactly as Grafana loads them: the committed JSON files. */
export async function loadDashboards(): Promise<Dashboard[]> {
  const files = (await readdir(DASHBOARDS_DIR)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(DASHBOARDS_DIR, f), 'utf8')) as Dashboard));
}

/**
 * Runs a panel's query the way Grafana would: macros expanded, as a
 * read-only session (readonly = 1, like the grafana user), so a panel that
 * tries to write or to change a setting fails here too.
 */
export async function runPanel(client: ClickHouseClient, panel: Panel, range: PanelRange): Promise<Row[]> {
  const target = panel.targets[0];
  if (!target) throw new Error(`panel ${panel.title} has no query`);
  const rs = await client.query({
    query: expandMacros(target.rawSql, range),
    format: 'JSONEachRow',
    clickhouse_settings: { readonly: '1' },
  });
  return rs.json<Row>();
}
