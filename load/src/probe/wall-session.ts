import { readFile } from 'node:fs/promises';

/** The demo's read-only wall display account (@kh02/api DEMO_DISPLAY_USER). */
export const DISPLAY_USER = 'tuong.hienthi';

/**
 * Signs in as the wall display account and returns its session token, as a
 * real wall does before it opens the live feed (reads require a session
 * unless the api runs with AUTH_READS=false). `accountsFile` is the demo
 * credentials file the api writes on first start (`<DATA_DIR>/demo-accounts.json`).
 * Undefined when the file does not exist (an api without demo accounts).
 */
export async function displayToken(apiUrl: string, accountsFile: string): Promise<string | undefined> {
  let passwords: Record<string, string>;
  try {
    passwords = JSON.parse(await readFile(accountsFile, 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
  const password = passwords[DISPLAY_USER];
  if (!password) return undefined;
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DISPLAY_USER, password }),
  });
  if (!res.ok) throw new Error(`display login failed: HTTP ${res.status}`);
  const body = (await res.json()) as { token?: string };
  return body.token;
}
