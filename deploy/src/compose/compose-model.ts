import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The parts of a compose file the checks read (after YAML merge keys are applied). */
export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  volumes?: string[];
  ports?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition?: string; required?: boolean }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function readRepoFile(path: string): Promise<string> {
  return readFile(`${REPO_ROOT}${path}`, 'utf8');
}

export function parseCompose(text: string): ComposeFile {
  // Compose supports YAML merge keys (<<: *anchor); the yaml package does with merge: true.
  return parse(text, { merge: true }) as ComposeFile;
}
