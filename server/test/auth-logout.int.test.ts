import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@kh02/testkit';
import type { EmbeddedSystem } from '../src/embedded.js';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';

let handle: TestSystem;
let system: EmbeddedSystem;
let password = '';

beforeAll(async () => {
  handle = await startTestSystem('logout');
  system = handle.system;
  password = (await demoPasswords(handle.dataDir))['cc.giamsat'] ?? '';
});
afterAll(async () => handle.close());

const me = async (token: string) =>
  (await fetch(`${system.apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
const logout = async (token: string) =>
  (
    await fetch(`${system.apiUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
  ).status;

describe('POST /api/v1/auth/logout (sign-out on the server)', () => {
  let desk = '';
  let phone = '';

  it('ends the calling session only; the person’s other session stays', async () => {
    desk = await login(system, 'cc.giamsat', password);
    phone = await login(system, 'cc.giamsat', password);
    expect(desk).not.toBe(phone);
    expect(await me(desk)).toBe(200);
    expect(await logout(desk)).toBe(204);
    expect(await me(desk)).toBe(401);
    expect(await logout(desk)).toBe(401);
    expect(await me(phone)).toBe(200);
  });

  it('is recorded in the audit trail by session id, never by token', async () => {
    const lead = await login(system, 'cc.totruong', (await demoPasswords(handle.dataDir))['cc.totruong'] ?? '');
    let body = '';
    await eventually(async () => {
      const res = await fetch(`${system.apiUrl}/api/v1/audit?entity=account&entity_id=u-cc.giamsat`, {
        headers: { authorization: `Bearer ${lead}` },
      });
      body = await res.text();
      return body.includes('session_ended');
    }, 5_000);
    expect(body).not.toContain(desk.split('.')[1] ?? desk);
  });

  it('stays ended after a restart (rebuilt from the workflow log)', async () => {
    system = await handle.restart();
    expect(await me(desk)).toBe(401);
    expect(await me(phone)).toBe(200);
  });
});
