import { fileURLToPath } from 'node:url';
import type { Registry } from '@kh02/schemas/registry';
import { format, resolveConfig } from 'prettier';
import { completenessDashboard } from './dashboards/completeness.js';
import { dataSourcesDashboard } from './dashboards/data-sources.js';
import { ingestRateDashboard } from './dashboards/ingest-rate.js';
import { provinceKpisDashboard } from './dashboards/province-kpis.js';
import { slaDashboard } from './dashboards/sla.js';
import type { Dashboard } from './grafana-model.js';

/** Where Grafana's file provider reads the dashboards from (mounted read-only in docker-compose.yml). */
export const DASHBOARDS_DIR = fileURLToPath(new URL('../dashboards/', import.meta.url));

export const DASHBOARDS: ReadonlyArray<{ file: string; build: (registry: Registry) => Dashboard }> = [
  { file: 'kh02-ingest.json', build: ingestRateDashboard },
  { file: 'kh02-completeness.json', build: completenessDashboard },
  { file: 'kh02-sla.json', build: slaDashboard },
  { file: 'kh02-province-kpis.json', build: provinceKpisDashboard },
  { file: 'kh02-sources.json', build: dataSourcesDashboard },
];

/**
 * The dashboard JSON files exactly as committed: generated from the TypeScript
 * definitions and formatted with the repo's prettier settings, so
 * `prettier --check` and the drift test agree with the generator.
 */
export async function renderDashboards(registry: Registry): Promise<Array<{ file: string; text: string }>> {
  const options = (await resolveConfig(`${DASHBOARDS_DIR}x.json`)) ?? {};
  return Promise.all(
    DASHBOARDS.map(async (d) => ({
      file: d.file,
      text: await format(JSON.stringify(d.build(registry)), { ...options, parser: 'json' }),
    })),
  );
}
