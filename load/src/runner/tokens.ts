import { readFile } from 'node:fs/promises';

/** Key id → bearer token, from a credentials file such as `data/api-keys.demo-credentials.json`. */
export async function readTokens(path: string): Promise<Record<string, string>> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error(`${path}: expected a JSON object of key id → token`);
  const tokens: Record<string, string> = {};
  for (const [id, token] of Object.entries(parsed)) if (typeof token === 'string') tokens[id] = token;
  return tokens;
}
