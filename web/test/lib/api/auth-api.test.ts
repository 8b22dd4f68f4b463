import { describe, expect, it, vi } from 'vitest';
import { logout } from '../../../src/lib/api/auth-api';
import { RestClient } from '../../../src/lib/api/rest';

describe('logout', () => {
  it('posts to the server with the session read at the call, so the tab may forget it at once', async () => {
    const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(new Response(null, { status: 204 })));
    let token: string | null = 'session-abc';
    const client = new RestClient({ token: () => token, fetch: fetchMock });
    const done = logout(client);
    token = null;
    await expect(done).resolves.toBeUndefined();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/logout');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer session-abc');
  });
});
