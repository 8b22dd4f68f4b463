/*
 * People and notifications in real Chromium against the real backend: the
 * directory found without diacritics, a P1 ticket reaching the Hà Nội focal
 * point's in-app list (read/unread), the working-group lead handing a ticket
 * to a member on the ticket page, and who is on duty in the header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startSystem, type SystemUnderTest } from './support';

describe('people and notifications in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let passwords: Record<string, string>;
  const url = (path: string) => `${sut.system.apiUrl}${path}`;

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(url('/login'));
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', passwords[username] ?? '');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="session-name"]', { timeout: 15_000 });
    return page;
  }

  async function api<T>(username: string, method: string, path: string, body?: unknown): Promise<T> {
    const login = (await (
      await fetch(url('/api/v1/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: passwords[username] }),
      })
    ).json()) as { token: string };
    const res = await fetch(url(path), {
      method,
      headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    sut = await startSystem();
    passwords = JSON.parse(readFileSync(join(sut.dataDir, 'demo-accounts.json'), 'utf8')) as Record<string, string>;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('finds the Hà Nội rows when "ha noi" is typed without diacritics', async () => {
    const page = await signIn('cc.giamsat');
    await page.goto(url('/contacts'));
    await page.waitForSelector('[data-testid="contact-row"]');
    await page.fill('[data-testid="contact-search"]', 'ha noi');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="contact-row"]')];
      return rows.length > 0 && rows.every((r) => (r.textContent ?? '').includes('Hà Nội'));
    });
    const ids = await page.$$eval('[data-testid="contact-row"]', (rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids).toContain('hanoi-lanhdao');
    expect(await page.textContent('[data-testid="focal-missing"]')).toContain('Lâm Đồng');
  });

  it('shows a new P1 ticket in the focal point’s notifications, unread until marked read', async () => {
    const ticket = await api<{ id: string }>('cc.dieuphoi', 'POST', '/api/v1/tickets', {
      title: 'Hà Nội: cổng dịch vụ công ngừng hoạt động',
      description: 'Không truy cập được',
      unit_code: '01',
      issue_type: 1,
      priority: 'P1',
    });
    const page = await signIn('hanoi.lanhdao');
    await page.goto(url('/notifications'));
    const item = await page.waitForSelector(
      `[data-testid="notification"][data-read="false"]:has-text("${ticket.id}")`,
      {
        timeout: 15_000,
      },
    );
    expect(await item.textContent()).toContain('Phiếu mới');
    await page.click('[data-testid="notification"] button:has-text("Đánh dấu đã đọc")');
    await page.waitForSelector('[data-testid="notification"][data-read="true"]');
    expect(await page.textContent('[data-testid="unread-count"]')).toBe('0 chưa đọc');
  });

  it('lets the working-group lead hand a ticket to a member; the ticket shows the person', async () => {
    const created = await api<{ id: string }>('cc.dieuphoi', 'POST', '/api/v1/tickets', {
      title: 'Chưa liên thông dữ liệu hộ tịch',
      description: 'Dữ liệu chưa đồng bộ',
      unit_code: '01',
      issue_type: 3,
      priority: 'P3',
      topic: 'online_services',
    });
    await api('cc.dieuphoi', 'POST', `/api/v1/tickets/${created.id}/assign`, {
      assignee: { kind: 'working_group', code: 'WG3' },
    });
    const page = await signIn('nhom3.truong');
    await page.goto(url(`/tickets/${created.id}`));
    await page.waitForSelector('[data-testid="hand-person"] option[value="u-nhom3.thanhvien"]', { state: 'attached' });
    await page.selectOption('[data-testid="hand-person"]', 'u-nhom3.thanhvien');
    await page.click('[data-testid="ticket-people"] button[type="submit"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="ticket-person"]')?.textContent === 'Thành viên Nhóm công tác 3',
    );
    expect(await page.textContent('[data-testid="ticket-assignee"]')).toContain('Nhóm 3');
  });

  it('shows who is on duty in the header', async () => {
    const page = await signIn('cc.giamsat');
    const badge = await page.waitForSelector('[data-testid="on-duty"]');
    expect(await badge.textContent()).toMatch(/Nhóm Giám sát khối Chính phủ, địa phương|Giờ hành chính/);
    // At least the wall's minimum type size (var(--text-min)), resolved by the browser.
    const [size, min] = await badge.evaluate((el) => {
      const probe = document.createElement('span');
      probe.style.fontSize = 'var(--text-min)';
      el.append(probe);
      const sizes = [getComputedStyle(el).fontSize, getComputedStyle(probe).fontSize].map(parseFloat);
      probe.remove();
      return sizes;
    });
    expect(size).toBeGreaterThanOrEqual((min ?? 14) - 0.01);
  });
});
