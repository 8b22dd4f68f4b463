import { describe, expect, it, vi } from 'vitest';
import { ApiError, filenameFrom, RestClient } from '../../../src/lib/api/rest';
import { captureToken } from '../../../src/lib/api/token';
import { rankingFixture } from '../../support/fixtures';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('RestClient', () => {
  it('sends the display token as a bearer header and parses the body', async () => {
    const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, rankingFixture())));
    const client = new RestClient({ token: () => 'display-123', fetch: fetchMock });
    const ranking = await client.ranking('online_rate');
    expect(ranking.rows).toHaveLength(3);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/rankings?indicator=online_rate');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer display-123');
  });

  it('turns the error shape into an ApiError with the bilingual message', async () => {
    const body = { error: { code: 'NOT_FOUND', message: { vi: 'Không tìm thấy.', en: 'Not found.' } } };
    const client = new RestClient({ fetch: () => Promise.resolve(jsonResponse(404, body)) });
    const err = await client.unit('99').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', status: 404, text: { vi: 'Không tìm thấy.' } });
  });

  it('reports a body that does not match the contract', async () => {
    const client = new RestClient({ fetch: () => Promise.resolve(jsonResponse(200, { nope: true })) });
    await expect(client.wall()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const client = new RestClient({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(client.wall()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('downloads', () => {
  it('fetches a file with the bearer header and names it from Content-Disposition', async () => {
    const fetchMock = vi.fn<typeof fetch>(() =>
      Promise.resolve(
        new Response('\ufeffa,b\r\n', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="bao-cao-ngay-2026-11-23-all.csv"' },
        }),
      ),
    );
    const client = new RestClient({ token: () => 'session', fetch: fetchMock });
    const file = await client.download('/api/v1/reports/daily/2026-11-23?format=csv');
    expect(file.filename).toBe('bao-cao-ngay-2026-11-23-all.csv');
    expect(await file.blob.text()).toContain('a,b');
    expect((fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>).authorization).toBe('Bearer session');
  });

  it('reads RFC 5987 UTF-8 file names', () => {
    expect(filenameFrom("attachment; filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf")).toBe('biên bản.pdf');
    expect(filenameFrom(null)).toBeNull();
  });
});

describe('display token', () => {
  it('takes ?token= once, keeps it in sessionStorage and strips it from the URL', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const first = captureToken(new URL('http://wall/?kiosk=1&token=abc'), storage);
    expect(first.token).toBe('abc');
    expect(first.cleanedUrl?.toString()).toBe('http://wall/?kiosk=1');
    const again = captureToken(new URL('http://wall/?kiosk=1'), storage);
    expect(again).toEqual({ token: 'abc', cleanedUrl: null });
  });
});
