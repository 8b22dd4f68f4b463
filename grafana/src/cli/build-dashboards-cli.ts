import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultRegistry } from '@kh02/schemas/registry';
import { DASHBOARDS_DIR, renderDashboards } from '../render-dashboards.js';

/**
 * Regenerates grafana/dashboards/*.json from grafana/src/dashboards/*.ts:
 *   npx tsx grafana/src/cli/build-dashboards-cli.ts
 * The test in grafana/test fails when the committed files and the generator disagree.
 */
for (const { file, text } of await renderDashboards(defaultRegistry())) {
  await writeFile(join(DASHBOARDS_DIR, file), text);
  console.log(`wrote grafana/dashboards/${file}`);
}
