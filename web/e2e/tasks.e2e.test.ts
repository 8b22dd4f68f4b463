/*
 * Plan 02 tasks in real Chromium against the real backend (embedded system,
 * no simulator): Hồ Chí Minh City's focal point sees only the city's tasks and
 * reports task 24 completed through the form; the drill-down of the province
 * no longer lists it among the overdue tasks; Monitoring sees the update as
 * "chưa xác minh", verifies it, and /progress ranks the city first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, startSystem, waitUntil, type SystemUnderTest } from './support';

describe('Plan 02 task progress in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let passwords: Record<string, string>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const url = (path: string) => `${sut.system.apiUrl}${path}`;

  async function signIn(username: string, next: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url(`/login?next=${encodeURIComponent(next)}`));
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', passwords[username] ?? '');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForURL((u) => u.pathname === next.split('?')[0], { timeout: 15_000 });
    await page.waitForSelector('[data-testid="session-name"]', { timeout: 15_000 });
    return page;
  }

  const row = (task: number, unit: string) =>
    `[data-testid="assignment-row"][data-task="${task}"][data-unit="${unit}"]`;

  beforeAll(async () => {
    sut = await startSystem({ TASK_PROGRESS_COLOURS: 'true' });
    passwords = JSON.parse(readFileSync(join(sut.dataDir, 'demo-accounts.json'), 'utf8')) as Record<string, string>;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await sut?.close();
  });

  it('a focal point sees only their unit’s tasks and reports one completed through the form', async () => {
    const page = await signIn('hcm.kythuat', '/tasks');
    await page.waitForSelector('[data-testid="assignment-table"]', { timeout: 15_000 });
    const units = await page.$$eval('[data-testid="assignment-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-unit')),
    );
    expect(units.length).toBeGreaterThan(10);
    expect(new Set(units)).toEqual(new Set(['79']));
    expect(await page.getAttribute(`${row(24, '79')} [data-testid="task-status"]`, 'data-status')).toBe('behind');

    await page.click(`${row(24, '79')} button`);
    await page.selectOption('[data-testid="progress-form"] select[name="status"]', 'done');
    await page.fill('[data-testid="progress-form"] input[name="percent"]', '100');
    await page.fill('[data-testid="progress-form"] textarea[name="description"]', 'Đã tích hợp 100 % DVCTT.');
    await page.click('[data-testid="progress-form"] button[type="submit"]');
    await page.waitForSelector('[role="status"]', { timeout: 10_000 });
    await waitUntil(
      async () => (await page.getAttribute(`${row(24, '79')} [data-testid="task-status"]`, 'data-status')) === 'done',
      10_000,
    );
    expect(await page.getAttribute(`${row(24, '79')} [data-testid="verification"]`, 'data-state')).toBe('unverified');
    await screenshot(page, 'tasks-focal-updated.png');
  });

  it('the province drill-down names the overdue tasks without task 24, and links to the unit’s tasks', async () => {
    const page = await signIn('cc.giamsat', '/province/79');
    await page.waitForSelector('text=nhiệm vụ chậm tiến độ', { timeout: 20_000 });
    const text = await page.innerText('body');
    const line = text.split('\n').find((l) => l.includes('nhiệm vụ chậm tiến độ')) ?? '';
    expect(line).toMatch(/NV \d+/);
    expect(line).not.toMatch(/NV 24\b/);
    expect(await page.getAttribute('[data-testid="unit-tasks-link"]', 'href')).toBe('/tasks?unit=79');
  });

  it('Coordination moves one unit’s deadline, and the task stops being overdue for that unit', async () => {
    const page = await signIn('cc.dieuphoi', '/tasks?unit=79');
    await page.waitForSelector(row(25, '79'), { timeout: 15_000 });
    expect(await page.getAttribute(`${row(25, '79')} [data-testid="task-status"]`, 'data-status')).toBe('behind');
    await page.click(`${row(25, '79')} button:has-text("Đổi thời hạn")`);
    await page.fill(`${row(25, '79')} input[name="deadline"]`, '2099-12-31');
    await page.fill(`${row(25, '79')} input[name="reason"]`, 'Gia hạn theo kết luận giao ban.');
    await page.click(`${row(25, '79')} [data-testid="deadline-form"] button[type="submit"]`);
    await waitUntil(
      async () =>
        (await page.getAttribute(`${row(25, '79')} [data-testid="task-status"]`, 'data-status')) === 'not_started',
      10_000,
    );
    expect(await page.innerText(row(25, '79'))).toContain('31/12/2099');
  });

  it('Monitoring verifies the update, and /progress ranks the city first by completion', async () => {
    const page = await signIn('cc.giamsat', '/tasks?unit=79');
    await page.waitForSelector(row(24, '79'), { timeout: 15_000 });
    await page.click(`${row(24, '79')} .verify button:first-child`);
    await waitUntil(
      async () =>
        (await page.getAttribute(`${row(24, '79')} [data-testid="verification"]`, 'data-state')) === 'verified',
      10_000,
    );
    await page.goto(url('/progress'));
    await page.waitForSelector('[data-testid="progress-ranking"] tbody tr', { timeout: 15_000 });
    const first = await page.innerText('[data-testid="progress-ranking"] tbody tr:first-child');
    expect(first).toContain('TP. Hồ Chí Minh');
    expect(await page.$$eval('[data-testid="national-targets"] tbody tr', (r) => r.length)).toBe(8);
    await screenshot(page, 'progress-page.png');
    expect(pageErrors).toEqual([]);
  });
});
