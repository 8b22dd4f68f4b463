import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildRegistry,
  defaultRegistry,
  defaultRegistryData,
  mergeRegistryData,
  parseRegistryOverride,
  type Registry,
} from '@kh02/schemas/registry';

/**
 * The unit registry every service uses: the committed default, or the default
 * with an operator's official list (CSV/JSON) merged in. A bad file stops
 * start-up with every problem listed — a wall on the wrong unit list must not run.
 */
export async function loadRegistry(overrideFile: string | undefined): Promise<Registry> {
  if (!overrideFile) return defaultRegistry();
  const text = await readFile(overrideFile, 'utf8');
  const parsed = parseRegistryOverride(basename(overrideFile), text);
  if (!parsed.ok) {
    const lines = parsed.errors.map(
      (e) => `  ${'line' in e ? `line ${e.line}` : e.path}: ${e.message.en} / ${e.message.vi}`,
    );
    throw new Error(`Registry override ${overrideFile} is invalid:\n${lines.join('\n')}`);
  }
  return buildRegistry(mergeRegistryData(defaultRegistryData(), parsed.data));
}
