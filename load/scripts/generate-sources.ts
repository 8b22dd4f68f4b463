import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '@kh02/platform';
import { format, resolveConfig } from 'prettier';
import { renderSourcesModule } from '../src/scenarios/sources-module.js';

/**
 * Regenerates load/scenarios/sources.js from the unit registry (plus an
 * optional REGISTRY_OVERRIDE_FILE, e.g. the official commune list). The file
 * is plain JS data so k6, which cannot import TypeScript or npm packages,
 * reads exactly the sources the Node runner uses.
 */
const registry = await loadRegistry(process.env.REGISTRY_OVERRIDE_FILE);
const target = fileURLToPath(new URL('../scenarios/sources.js', import.meta.url));
const options = (await resolveConfig(target)) ?? {};
await writeFile(target, await format(renderSourcesModule(registry), { ...options, filepath: target }));
console.log(`wrote ${target}: ${registry.communes.length} counters, ${registry.systems.length} systems`);
