import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { login } from '$lib/api/auth-api';
import { RestClient } from '$lib/api/rest';
import { safeNext, withQuery } from '$lib/nav';
import { principal } from '../../support/ticket-fixtures';
import SessionControl from '$lib/components/header/SessionControl.svelte';
import { Session } from '../../../src/lib/auth/session.svelte';

const NOW = Date.parse('2026-11-23T09:58:00Z');
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
}

const result = (expires = '2026-11-23T17:58:00Z') => ({
  token: 'person-token',
  expires_at: expires,
  principal: principal({ role: 'unit_focal', unitCode: '01', name: 'Đầu mối kỹ thuật – Hà Nội' }),
});

describe('Session', () => {
  it('keeps a sign-in for the tab in sessionStorage, apart from the display token', () => {
    const storage = memoryStorage();
    storage.setItem('kh02.displayToken', 'display');
    const s = new Session(storage, () => NOW);
    s.signIn(result());
    expect(s.signedIn).toBe(true);
    const again = new Session(storage, () => NOW);
    expect(again.token).toBe('person-token');
    expect(again.principal?.unitCode).toBe('01');
    again.signOut();
    expect(storage.store.has('kh02.session')).toBe(false);
    expect(storage.getItem('kh02.displayToken')).toBe('display');
  });

  it('drops an expired or corrupt stored session', () => {
    const storage = memoryStorage();
    storage.setItem('kh02.session', JSON.stringify(result('2026-11-23T09:00:00Z')));
    expect(new Session(storage, () => NOW).signedIn).toBe(false);
    storage.setItem('kh02.session', '{not json');
    expect(new Session(storage, () => NOW).token).toBeNull();
  });

  it('ends the session when the api refuses its token, and only then', async () => {
    const s = new Session(null, () => NOW);
    s.signIn(result());
    const rest = new RestClient({
      token: () => s.token ?? 'display',
      onUnauthorized: () => s.markEnded(),
      fetch: () => Promise.resolve(json(401, { error: { code: 'UNAUTHENTICATED', message: { vi: 'x', en: 'x' } } })),
    });
    await expect(rest.wall()).rejects.toMatchObject({ status: 401 });
    expect(s.signedIn).toBe(false);
    expect(s.ended).toBe(true);
  });
});

describe('login', () => {
  it('posts without a bearer header and shows the throttle message of a 429', async () => {
    const fetchMock = vi.fn<typeof fetch>(() =>
      Promise.resolve(
        json(429, {
          error: {
            code: 'RATE_LIMITED',
            message: {
              vi: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau 5 phút.',
              en: 'Too many failed logins; try again in 5 minutes.',
            },
          },
        }),
      ),
    );
    const onUnauthorized = vi.fn();
    const rest = new RestClient({ token: () => 'display', fetch: fetchMock, onUnauthorized });
    await expect(login(rest, 'cc.giamsat', 'sai')).rejects.toMatchObject({
      status: 429,
      text: { vi: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau 5 phút.' },
    });
    const init = fetchMock.mock.calls[0]?.[1];
    expect((init?.headers as Record<string, string>).authorization).toBeUndefined();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('parses the principal of a successful sign-in', async () => {
    const rest = new RestClient({ fetch: () => Promise.resolve(json(200, result())) });
    const r = await login(rest, 'hanoi.kythuat', 'pw');
    expect(r.principal).toMatchObject({ role: 'unit_focal', unitCode: '01' });
  });
});

describe('SessionControl', () => {
  it('shows the name and the role in Vietnamese, scoped to the unit', () => {
    render(SessionControl, { principal: result().principal, ended: false, lang: 'vi', onsignout: () => undefined });
    expect(screen.getByTestId('session-name').textContent).toBe('Đầu mối kỹ thuật – Hà Nội');
    expect(screen.getByTestId('session-role').textContent).toBe('Đầu mối đơn vị · Hà Nội');
    expect(screen.getByRole('button', { name: 'Đăng xuất' })).toBeTruthy();
  });

  it('offers sign-in, and says so when the session ended', () => {
    render(SessionControl, { principal: null, ended: true, lang: 'vi', onsignout: () => undefined });
    expect(screen.getByRole('status').textContent).toContain('Phiên đăng nhập đã hết hạn');
    expect(screen.getByRole('link', { name: 'Đăng nhập' }).getAttribute('href')).toBe('/login');
  });
});

describe('navigation helpers', () => {
  it('returns only to paths on this site after sign-in', () => {
    expect(safeNext('/province/01')).toBe('/province/01');
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext(null)).toBeNull();
    expect(withQuery('/tickets', { unit: '01', status: '' })).toBe('/tickets?unit=01');
  });
});
