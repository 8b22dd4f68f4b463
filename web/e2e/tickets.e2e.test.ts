/*
 * Work tickets, reports and the 07:30 panel in real Chromium against the real
 * backend (embedded system, no simulator), one backend for the whole file:
 * monitoring opens a ticket from a red province, coordination assigns it to
 * Hà Nội's focal point, who acknowledges, starts and reports it done; another
 * province's focal point cannot see it; monitoring verifies and closes it.
 * Then the report page (with a CSV download) and the data-source panel.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRegistry } from '@kh02/schemas/registry';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMorning } from './seed';
import {
  launchChromium,
  postHealthSample,
  postTicket,
  screenshot,
  startSystem,
  waitUntil,
  type SystemUnderTest,
} from './support';

const registry = defaultRegistry();
const hanoiSystem = registry.systems.find((s) => s.unitCode === '01' && s.vendorCode === 'VNPT');
if (!hanoiSystem) throw new Error('the registry has no VNPT system owned by Hà Nội');
// Names of the demo accounts (api/src/auth/demo-accounts.ts), as the ticket's history shows them.
const MONITORING = 'Nhóm Giám sát khối Chính phủ, địa phương';
const COORDINATION = 'Nhóm Điều phối và Giao việc';
const STEPS = ['Bước 1: kiểm tra máy chủ ứng dụng', 'Bước 2: khởi động lại dịch vụ ký số'];

describe('work tickets, reports and data sources in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let passwords: Record<string, string>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let ticketId = '';
  let monitoring: Page;
  /** Left open on the ticket after (b), to see it follow what others do. */
  let coordination: Page;

  const url = (path: string) => `${sut.system.apiUrl}${path}`;

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  }

  /** Signs a demo user in through the /login form, as a person would. */
  async function signIn(username: string, next?: string): Promise<Page> {
    const page = await newPage();
    await page.goto(url(next ? `/login?next=${encodeURIComponent(next)}` : '/login'));
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', passwords[username] ?? '');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    // Signed in, then sent on to `next` (or the ticket list).
    await page.waitForURL((u) => u.pathname === (next ?? '/tickets'), { timeout: 15_000 });
    await page.waitForSelector('[data-testid="session-name"]', { timeout: 15_000 });
    return page;
  }

  const statusOf = (page: Page) => page.getAttribute('[data-testid="ticket-status"]', 'data-status');

  /** The lines a person sees in an element (innerText follows the CSS, so pre-wrap keeps the breaks). */
  const linesOf = async (page: Page, selector: string) =>
    (await page.innerText(selector)).split('\n').map((l) => l.trim());

  beforeAll(async () => {
    sut = await startSystem();
    passwords = JSON.parse(readFileSync(join(sut.dataDir, 'demo-accounts.json'), 'utf8')) as Record<string, string>;
    await seedMorning(sut.system, hanoiSystem.id);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await sut?.close();
  });

  it('(a) monitoring opens a ticket from a red province, and the wall shows its clock', async () => {
    monitoring = await signIn('cc.giamsat');
    expect(new URL(monitoring.url()).pathname).toBe('/tickets');
    expect(await monitoring.textContent('[data-testid="session-role"]')).toBe('Nhóm Giám sát');

    const res = await postHealthSample(sut.system, 'vendor-vnpt', {
      event_id: `e2e-${randomUUID()}`,
      vendor: 'VNPT',
      system_id: hanoiSystem.id,
      unit_code: '01',
      observed_at: new Date().toISOString(),
      uptime_pct: 20,
      cpu_pct: 99,
      ram_pct: 99,
      net_in_bps: 1e6,
      net_out_bps: 1e6,
      alerts: [{ kind: 'security', severity: 'critical', message: 'Phát hiện truy cập trái phép' }],
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);

    await monitoring.goto(url('/province/01'));
    await monitoring.waitForSelector('[data-testid="unit-status"][data-status="red"]', { timeout: 15_000 });
    await monitoring.click('[data-slot="tickets"] button:has-text("Mở phiếu giao việc")');
    const form = await monitoring.waitForSelector('[data-testid="ticket-create-form"]');
    const title = await monitoring.inputValue('[data-testid="ticket-create-form"] input[name="title"]');
    expect(title).toMatch(/^Hà Nội: /);
    expect(await monitoring.inputValue('[data-testid="ticket-create-form"] select[name="priority"]')).toMatch(
      /^P[12]$/,
    );
    expect(await form.textContent()).toContain('Hà Nội (01)');
    // The prefilled description is one line per cause; the operator adds steps on lines of their own.
    const box = '[data-testid="ticket-create-form"] textarea[name="description"]';
    expect((await monitoring.inputValue(box)).split('\n')).toContain('Nguyên nhân:');
    await monitoring.fill(box, `${await monitoring.inputValue(box)}\n${STEPS[0]}\n\t${STEPS[1]}`);
    await monitoring.waitForTimeout(300);
    await screenshot(monitoring, 'ticket-create-1920x1080.png');
    await monitoring.click('[data-testid="ticket-create-form"] button[type="submit"]');
    const created = await monitoring.waitForSelector('[data-testid="ticket-created"]', { timeout: 10_000 });
    ticketId = /PGV-\d{8}-[0-9A-F]{8}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
    expect(ticketId).not.toBe('');
    // The slot lists it with its running clocks.
    await monitoring.waitForSelector(
      `[data-testid="unit-tickets"] li[data-ticket="${ticketId}"] [data-testid="sla-clock"]`,
      {
        timeout: 10_000,
      },
    );

    // The wall: an alarm on Hà Nội's map label, and the countdown in the 17h00 briefing.
    await monitoring.goto(url('/'));
    await monitoring.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await monitoring.waitForSelector('.label[data-code="01"] [data-testid="ticket-marker"]', { timeout: 15_000 });
    await monitoring.click('nav.tabs button:has-text("Giao ban 17h00")');
    const row = monitoring.locator('.briefing li.row', { hasText: 'Hà Nội' });
    await row.locator('[data-testid="ticket-clock"]').waitFor({ timeout: 10_000 });
    expect(await row.locator('[data-testid="ticket-clock"]').textContent()).toMatch(/còn \d+:\d\d:\d\d/);
    await monitoring.waitForSelector('[data-testid="kpi"]');
  });

  it('the kiosk on its display token shows the ticket clock, neither the KPI (export-controlled) nor a ticket action', async () => {
    const kiosk = await newPage();
    await kiosk.goto(url(`/?kiosk=1&view=briefing&token=${sut.system.displayToken ?? ''}`));
    await kiosk.waitForSelector('.briefing [data-testid="ticket-clock"]', { timeout: 20_000 });
    expect(await kiosk.$('.app-nav')).toBeNull();
    await kiosk.waitForTimeout(1_000);
    expect(await kiosk.$('[data-testid="kpi"]')).toBeNull();
    await kiosk.waitForTimeout(300);
    await screenshot(kiosk, 'briefing-kiosk-1920x1080.png');
    await kiosk.goto(url('/province/01?kiosk=1'));
    await kiosk.waitForSelector('[data-slot="tickets"] [data-testid="ticket-clock"]', { timeout: 15_000 });
    expect(await kiosk.$$('[data-slot="tickets"] button, [data-slot="tickets"] a')).toHaveLength(0);
  });

  it('(b) coordination assigns it to Hà Nội’s focal point', async () => {
    coordination = await signIn('cc.dieuphoi', `/tickets/${ticketId}`);
    await coordination.waitForSelector('[data-testid="ticket-actions"] button[data-action="assign"]');
    expect(await statusOf(coordination)).toBe('created');
    // The description came back with its line breaks and is shown line by line.
    const lines = await linesOf(coordination, '[data-testid="ticket-description"]');
    expect(lines.slice(-2)).toEqual(STEPS);
    expect(lines).toContain('Nguyên nhân:');
    expect(await coordination.textContent('[data-testid="ticket-creator"]')).toBe(MONITORING);
    expect(await coordination.textContent('[data-testid="ticket-system"] a')).toBe(hanoiSystem.name);
    await coordination.click('button[data-action="assign"]');
    await coordination.waitForSelector('[data-testid="assign-form"] select[name="assignee"]:not([disabled])');
    await coordination.selectOption('[data-testid="assign-form"] select[name="assignee"]', 'unit:01');
    await coordination.waitForTimeout(200);
    await screenshot(coordination, 'ticket-assign-1920x1080.png');
    await coordination.click('[data-testid="assign-form"] button[type="submit"]');
    await waitUntil(async () => (await statusOf(coordination)) === 'assigned', 10_000);
    expect(await coordination.textContent('[data-testid="ticket-assignee"]')).toBe('Hà Nội');
    // The history names who opened the ticket and who assigned it, with the status each step left.
    const step = (kind: string) => `[data-testid="ticket-history"] li[data-kind="${kind}"]`;
    expect(await coordination.textContent(`${step('created')} [data-testid="step-actor"]`)).toBe(MONITORING);
    expect(await coordination.textContent(`${step('assigned')} [data-testid="step-actor"]`)).toBe(COORDINATION);
    expect(await coordination.textContent(`${step('assigned')} .after`)).toBe('→ Đã giao');
  });

  it('(c) Hà Nội’s focal point acknowledges, starts and reports it done', async () => {
    const hanoi = await signIn('hanoi.kythuat');
    await hanoi.waitForSelector(`[data-testid="ticket-table"] tr[data-ticket="${ticketId}"]`, { timeout: 10_000 });
    await hanoi.click(`tr[data-ticket="${ticketId}"] td.id a`);
    await hanoi.waitForSelector('button[data-action="acknowledge"]');
    expect(await hanoi.textContent('button[data-action="acknowledge"]')).toBe('Xác nhận đã tiếp nhận');
    await hanoi.click('button[data-action="acknowledge"]');
    await waitUntil(async () => (await statusOf(hanoi)) === 'acknowledged', 10_000);
    expect(await hanoi.textContent('[data-testid="ticket-status"]')).toContain('Đã tiếp nhận');
    await hanoi.click('button[data-action="start"]');
    await waitUntil(async () => (await statusOf(hanoi)) === 'in_progress', 10_000);
    await hanoi.click('button[data-action="report_done"]');
    await hanoi.fill(
      '[data-testid="action-form"] textarea',
      'Đã khởi động lại máy chủ ứng dụng.\nHệ thống hoạt động bình thường từ 16:40.',
    );
    await hanoi.click('[data-testid="action-form"] button[type="submit"]');
    await waitUntil(async () => (await statusOf(hanoi)) === 'done', 10_000);
    expect(await linesOf(hanoi, '[data-testid="ticket-result"]')).toEqual([
      'Đã khởi động lại máy chủ ứng dụng.',
      'Hệ thống hoạt động bình thường từ 16:40.',
    ]);
    // Coordination's page, left open, follows on the socket (its poll is every 30 s).
    await waitUntil(async () => (await statusOf(coordination)) === 'done', 5_000);
    await hanoi.waitForTimeout(300);
    await screenshot(hanoi, 'ticket-detail-1920x1080.png');
    await hanoi.locator('[data-testid="ticket-history"]').scrollIntoViewIfNeeded();
    await screenshot(hanoi, 'ticket-history-1920x1080.png');
  });

  it('(d) another province’s focal point neither lists nor opens it', async () => {
    const hcm = await signIn('hcm.kythuat');
    await hcm.waitForSelector('[data-testid="tickets-empty"], [data-testid="ticket-table"]', { timeout: 10_000 });
    expect(await hcm.$(`tr[data-ticket="${ticketId}"]`)).toBeNull();
    await hcm.goto(url(`/tickets/${ticketId}`));
    const error = await hcm.waitForSelector('[data-testid="ticket-error"]', { timeout: 10_000 });
    expect(await error.getAttribute('data-code')).toBe('FORBIDDEN');
    expect((await error.textContent())?.trim()).toBe('Phiếu này không thuộc phạm vi của tài khoản.');
  });

  it('(e) monitoring verifies and closes it, confirming past the still-red warning', async () => {
    await monitoring.goto(url(`/tickets/${ticketId}`));
    await monitoring.waitForSelector('button[data-action="close"]');
    await monitoring.click('button[data-action="close"]');
    await monitoring.fill(
      '[data-testid="action-form"] textarea',
      'Đã xác minh với Văn phòng Thành ủy Hà Nội: hệ thống ổn định.',
    );
    // Hà Nội is still red by its figures (the red sample above): the closer is told why and must confirm.
    const warning = await monitoring.waitForSelector('[data-testid="close-warning"]');
    expect(await warning.textContent()).toContain('Hà Nội');
    expect(await monitoring.isDisabled('[data-testid="action-form"] button[type="submit"]')).toBe(true);
    await monitoring.check('[data-testid="close-confirm"]');
    await monitoring.click('[data-testid="action-form"] button[type="submit"]');
    await waitUntil(async () => (await statusOf(monitoring)) === 'closed', 10_000);
    expect(await monitoring.$$('[data-testid="ticket-actions"] button[data-action]')).toHaveLength(0);

    // A few more tickets so the list reads like a working day.
    const session = await monitoring.evaluate(
      () => JSON.parse(sessionStorage.getItem('kh02.session') ?? '{}') as { token?: string },
    );
    const token = session.token ?? '';
    const hcmTitle = 'TP. Hồ Chí Minh: Tỷ lệ hồ sơ trực tuyến 74,2 % (ngưỡng < 80 %)';
    await postTicket(sut.system, token, { unit: '79', title: hcmTitle, priority: 'P2' });
    await postTicket(sut.system, token, {
      unit: 'BCA',
      title: 'Bộ Công an: Cổng dịch vụ công phản hồi chậm',
      priority: 'P3',
    });

    await monitoring.goto(url('/tickets'));
    await monitoring.waitForSelector('[data-testid="ticket-table"]');
    await monitoring.click('label:has-text("Tất cả")');
    await monitoring.waitForSelector(`tr[data-ticket="${ticketId}"][data-status="closed"]`, { timeout: 10_000 });
    await monitoring.waitForSelector('[data-testid="kpi"]');
    await monitoring.waitForTimeout(300);
    await screenshot(monitoring, 'tickets-list-1920x1080.png');
  });

  it('(f) shows the daily report and downloads its CSV', async () => {
    await monitoring.goto(url('/reports'));
    await monitoring.waitForSelector('[data-testid="report-table"]', { timeout: 60_000 });
    expect(await monitoring.textContent('[data-testid="report-table"]')).toContain('Tổng hồ sơ tiếp nhận');
    expect(await monitoring.getAttribute('[data-testid="report-status"]', 'data-status')).toMatch(
      /^(frozen|provisional)$/,
    );
    const [download] = await Promise.all([
      monitoring.waitForEvent('download', { timeout: 30_000 }),
      monitoring.click('button[data-format="csv"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-ngay-\d{4}-\d{2}-\d{2}-all(-tam-tinh)?\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Tổng hồ sơ tiếp nhận');
    expect(csv).toContain('Hà Nội');
    // Tomorrow's report is today's figures so far: provisional, with this morning's counters in it.
    await monitoring.selectOption('select[name="date"]', { index: 0 });
    await monitoring.waitForSelector('[data-testid="report-status"][data-status="provisional"]', { timeout: 60_000 });
    await monitoring.waitForSelector('.grid:not(.stale) [data-testid="report-table"]', { timeout: 60_000 });
    await monitoring.waitForTimeout(300);
    await screenshot(monitoring, 'reports-1920x1080.png');
  });

  it('shows the 07:30 data-source panel, worst first, with the drill to silent units', async () => {
    await monitoring.goto(url('/sources'));
    await monitoring.waitForSelector('[data-testid="system-sources"]', { timeout: 30_000 });
    const first = await monitoring.getAttribute('[data-testid="system-sources"] tbody tr', 'data-status');
    expect(first).toBe('silent');
    await monitoring.waitForTimeout(300);
    await screenshot(monitoring, 'sources-1920x1080.png');
    const drill = monitoring.locator('[data-testid="province-counters"] button', { hasText: 'mất tín hiệu' }).first();
    if ((await drill.count()) > 0) {
      await drill.click();
      await monitoring.waitForSelector('[data-testid="silent-units"]', { timeout: 15_000 });
    }
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
