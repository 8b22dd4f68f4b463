import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from '@kh02/schemas/registry';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATASOURCE } from '../src/grafana-model.js';
import { DASHBOARDS, DASHBOARDS_DIR, renderDashboards } from '../src/render-dashboards.js';
import { loadDashboards } from './panel-runner.js';

const provisioning = (path: string) => fileURLToPath(new URL(`../provisioning/${path}`, import.meta.url));

describe('Grafana dashboards and provisioning', () => {
  it('commits exactly what the generator produces (run grafana/src/cli/build-dashboards-cli.ts after a change)', async () => {
    for (const { file, text } of await renderDashboards(defaultRegistry())) {
      expect(await readFile(`${DASHBOARDS_DIR}${file}`, 'utf8'), file).toBe(text);
    }
  });

  it('gives every dashboard a unique uid, Vietnam time, and only ClickHouse SQL panels Grafana can run read-only', async () => {
    const dashboards = await loadDashboards();
    expect(dashboards.map((d) => d.uid).sort()).toEqual(DASHBOARDS.map((d) => d.build(defaultRegistry()).uid).sort());
    for (const d of dashboards) {
      expect(d.timezone).toBe('Asia/Ho_Chi_Minh');
      expect(new Set(d.panels.map((p) => p.id)).size).toBe(d.panels.length);
      for (const p of d.panels) {
        expect(p.title.length, `${d.uid} panel ${p.id}`).toBeGreaterThan(0);
        expect(p.targets).toHaveLength(1);
        const [t] = p.targets;
        expect(t?.datasource).toEqual(DATASOURCE);
        expect(t?.format).toBe(p.type === 'timeseries' ? 0 : 1);
        // The grafana user has readonly = 1: a SETTINGS clause would be refused at run time.
        expect(t?.rawSql, `${d.uid} panel ${p.id}`).not.toMatch(/\bSETTINGS\b/i);
        expect(t?.rawSql).toMatch(/^SELECT\b/);
      }
    }
  });

  it('provisions the ClickHouse plugin data source with the read-only user, secrets from the environment', async () => {
    const doc = parse(await readFile(provisioning('datasources/clickhouse.yaml'), 'utf8')) as {
      datasources: Array<
        Record<string, unknown> & { jsonData: Record<string, unknown>; secureJsonData: Record<string, unknown> }
      >;
    };
    expect(doc.datasources).toHaveLength(1);
    const ds = doc.datasources[0]!;
    expect(ds).toMatchObject({ uid: DATASOURCE.uid, type: DATASOURCE.type, editable: false });
    expect(ds.jsonData).toMatchObject({ protocol: 'native', port: 9000, defaultDatabase: 'kh02' });
    expect(ds.jsonData.username).toBe('${CLICKHOUSE_GRAFANA_USER}');
    expect(ds.secureJsonData.password).toBe('${CLICKHOUSE_GRAFANA_PASSWORD}');
  });

  it('loads the dashboards from the folder docker-compose mounts, read-only in the UI', async () => {
    const doc = parse(await readFile(provisioning('dashboards/kh02.yaml'), 'utf8')) as {
      providers: Array<{ type: string; allowUiUpdates: boolean; options: { path: string } }>;
    };
    expect(doc.providers[0]).toMatchObject({
      type: 'file',
      allowUiUpdates: false,
      options: { path: '/etc/grafana/dashboards/kh02' },
    });
  });
});
