import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../cli-args.js';
import { writeLoadKeys } from './load-keys.js';

/**
 * `npm run keys -w @kh02/load -- --data-dir ../data [--rate 100000] [--burst 1000000] [--force]`
 * Prepares a data directory for a load rehearsal (then start the system on it).
 */
const args = parseArgs(process.argv.slice(2), ['force']);
const dataDir = args.options.get('data-dir') ?? 'data';
if (existsSync(join(dataDir, 'api-keys.json')) && !args.flags.has('force')) {
  console.error(`${dataDir}/api-keys.json exists; pass --force to replace it (running systems keep their old keys)`);
  process.exit(1);
}
const files = await writeLoadKeys(dataDir, {
  ratePerSec: Number(args.options.get('rate') ?? 100_000),
  burst: Number(args.options.get('burst') ?? 1_000_000),
});
console.log(`wrote ${files.keysFile} and ${files.tokensFile} (${Object.keys(files.tokens).length} keys)`);
