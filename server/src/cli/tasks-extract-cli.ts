/*
 * `npm run tasks:extract [seed.txt]`: regenerates schemas/src/tasks/data/catalogue.json
 * (the 91 Plan 02 tasks) from the handbook seed text and the reviewed overrides.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACT_OVERRIDES, extractPlanTasks } from '@kh02/schemas';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_SEED = resolve(root, '../shared/seeds/000_152d73cae7f29ccd.txt');
const out = resolve(root, 'schemas/src/tasks/data/catalogue.json');

const seed = process.argv[2] ?? DEFAULT_SEED;
const tasks = extractPlanTasks(await readFile(seed, 'utf8'), EXTRACT_OVERRIDES);
await writeFile(out, `${JSON.stringify(tasks, null, 2)}\n`);
const phase1 = tasks.filter((t) => t.phase === 1).length;
process.stdout.write(`${tasks.length} tasks (${phase1} phase 1, ${tasks.length - phase1} phase 2) → ${out}\n`);
