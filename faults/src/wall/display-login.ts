import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_DISPLAY_USER } from '@kh02/api';

/**
 * Signs in as the demo wall display account, as a real wall does before it
 * opens the live feed (reads and the live feed require a session). The api
 * writes the demo passwords to `<DATA_DIR>/demo-accounts.json` on first start.
 */
export async function displayToken(apiUrl: string, dataDir: string): Promise<string> {
  const passwords = JSON.parse(await readFile(join(dataDir, 'demo-accounts.json'), 'utf8')) as Record<string, string>;
  const password = passwords[DEMO_DISPLAY_USER];
  if (!password) throw new Error(`no demo password for ${DEMO_DISPLAY_USER}`);
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_DISPLAY_USER, password }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`display login failed: HTTP ${res.status}`);
  return body.token;
}
