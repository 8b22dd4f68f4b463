import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { RestClient } from '$lib/api/rest';
import { TicketsApi } from '$lib/api/tickets-api';
import { Session } from '$lib/auth/session.svelte';
import { NBSP } from '@kh02/schemas';
import { reason } from '../../../support/fixtures';
import { clockView, kpi, principal, ticket } from '../../../support/ticket-fixtures';
import TicketSlot from '$lib/components/drill/TicketSlot.svelte';
import KpiCard from '../../../../src/lib/components/tickets/KpiCard.svelte';
import TicketCreateForm from '../../../../src/lib/components/tickets/TicketCreateForm.svelte';
import TicketTable from '../../../../src/lib/components/tickets/TicketTable.svelte';

const NOW = Date.parse('2026-11-23T09:58:00Z');
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The body a command sent (the client always sends JSON text). */
const sentBody = (init: RequestInit | undefined): unknown =>
  JSON.parse(typeof init?.body === 'string' ? init.body : 'null');

function apiWith(handler: (url: string, init: RequestInit | undefined) => Response | Promise<Response>) {
  const fetchMock = vi.fn<typeof fetch>((input, init) =>
    Promise.resolve(handler(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init)),
  );
  return { fetchMock, api: new TicketsApi(new RestClient({ token: () => 't', fetch: fetchMock })) };
}

const origin = {
  unitCode: '01',
  unitName: 'Hà Nội',
  status: 'red' as const,
  reasons: [reason({ status: 'red' })],
};

describe('KpiCard', () => {
  it('shows the routing rate against 95 %, in red words when below target', () => {
    render(KpiCard, { kpi: kpi(), lang: 'vi' });
    const card = screen.getByTestId('kpi');
    expect(card.dataset.verdict).toBe('below');
    expect(card.textContent).toContain('Tỷ lệ vấn đề đỏ được phân luồng trong 24 giờ');
    expect(card.textContent).toContain(`92,5${NBSP}%`);
    expect(card.textContent).toContain(`Mục tiêu ≥ 95${NBSP}%`);
    expect(card.textContent).toContain('Chưa đạt');
    expect(card.textContent).toContain('37/40 vấn đề đỏ trong 30 ngày');
  });

  it('says met, or that there is nothing to count yet', () => {
    const { unmount } = render(KpiCard, { kpi: kpi({ ratio: 1, meets_target: true }), lang: 'en' });
    expect(screen.getByTestId('kpi').dataset.verdict).toBe('met');
    expect(screen.getByTestId('kpi').textContent).toContain('Met');
    unmount();
    render(KpiCard, { kpi: kpi({ ratio: null, red_issues: 0, routed_within_24h: 0 }), lang: 'vi' });
    expect(screen.getByTestId('kpi').textContent).toContain('Chưa có vấn đề đỏ nào trong 30 ngày để tính');
  });
});

describe('TicketCreateForm', () => {
  it('is prefilled from the red tile and posts source "wall" with an Idempotency-Key', async () => {
    const { fetchMock, api } = apiWith(() => json(201, ticket()));
    const oncreated = vi.fn();
    render(TicketCreateForm, { origin, api, lang: 'vi', now: NOW, oncreated, oncancel: () => undefined });
    const form = screen.getByTestId('ticket-create-form');
    expect(within(form).getByLabelText<HTMLInputElement>('Tiêu đề').value).toContain('Hà Nội: Tỷ lệ hồ sơ trực tuyến');
    expect(within(form).getByLabelText<HTMLSelectElement>('Mức ưu tiên').value).toBe('P2');
    expect(form.textContent).toContain('Hà Nội (01)');
    await fireEvent.submit(form);
    await waitFor(() => expect(oncreated).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/tickets');
    const body = sentBody(init);
    expect(body).toMatchObject({
      unit_code: '01',
      source: 'wall',
      issue_type: 2,
      priority: 'P2',
      topic: 'online_services',
    });
    expect((init?.headers as Record<string, string>)['idempotency-key']).toBeTruthy();
  });

  it('sends the description with its line breaks, one line per cause', async () => {
    const { fetchMock, api } = apiWith(() => json(201, ticket()));
    render(TicketCreateForm, { origin, api, lang: 'vi', now: NOW, oncreated: vi.fn(), oncancel: () => undefined });
    const form = screen.getByTestId('ticket-create-form');
    const box = within(form).getByLabelText<HTMLTextAreaElement>('Mô tả');
    expect(box.value.split('\n')[2]).toBe('Nguyên nhân:');
    expect(form.textContent).not.toContain('dấu “;”');
    await fireEvent.input(box, { target: { value: 'Dòng một  \r\n\t- bước 1\n\nDòng ba\n' } });
    await fireEvent.submit(form);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(sentBody(fetchMock.mock.calls[0]?.[1])).toMatchObject({ description: 'Dòng một\n\t- bước 1\n\nDòng ba' });
  });

  it("shows the server's refusal as it is and keeps the form", async () => {
    const { api } = apiWith(() =>
      json(403, {
        error: { code: 'FORBIDDEN', message: { vi: 'Tài khoản không được tạo phiếu cho đơn vị này.', en: 'x' } },
      }),
    );
    render(TicketCreateForm, {
      origin,
      api,
      lang: 'vi',
      now: NOW,
      oncreated: () => undefined,
      oncancel: () => undefined,
    });
    await fireEvent.submit(screen.getByTestId('ticket-create-form'));
    expect((await screen.findByRole('alert')).textContent).toBe('Tài khoản không được tạo phiếu cho đơn vị này.');
  });
});

describe('TicketTable', () => {
  it('shows priority, status, unit, assignee, a live countdown and overdue / escalation badges', () => {
    const t = ticket({
      status: 'assigned',
      assignee: { kind: 'unit', code: '01' },
      escalated: true,
      clocks: [clockView({ kind: 'acknowledge', deadline: '2026-11-23T09:50:00Z' })],
    });
    render(TicketTable, { tickets: [t], now: NOW, lang: 'vi' });
    const row = screen.getByTestId('ticket-table').querySelector(`tr[data-ticket="${t.id}"]`)!;
    expect(row.textContent).toContain('P2');
    expect(row.textContent).toContain('Đã giao');
    expect(row.textContent).toContain('Hà Nội');
    expect(row.textContent).toContain('quá hạn 0:08:00');
    expect(within(row as HTMLElement).getByTestId('badge-breached').textContent).toContain('Quá hạn');
    expect(within(row as HTMLElement).getByTestId('badge-escalated').textContent).toContain('báo Tổ trưởng');
    expect(row.querySelector('a')?.getAttribute('href')).toBe(`/tickets/${t.id}`);
  });
});

describe('TicketSlot', () => {
  const summary = {
    open: 1,
    breached: 0,
    near_breach: 0,
    next_deadline: '2026-11-23T10:28:00Z',
    next_deadline_kind: 'assign' as const,
    worst_priority: 'P1' as const,
  };
  const signedIn = (p = principal()) => {
    const s = new Session(null);
    s.signIn({ token: 'tok', expires_at: '2099-01-01T00:00:00Z', principal: p });
    return s;
  };
  const base = { lang: 'vi' as const, now: NOW, origin, summary, here: '/province/01' };

  it('on the kiosk shows the tile clock and never an action', () => {
    const { api, fetchMock } = apiWith(() => json(200, []));
    render(TicketSlot, { ...base, session: signedIn(), api, kiosk: true });
    expect(screen.getByTestId('ticket-clock').textContent).toContain('còn 0:30:00');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks a person without a session to sign in, and comes back here after', () => {
    const { api } = apiWith(() => json(200, []));
    render(TicketSlot, { ...base, session: new Session(null), api, kiosk: false });
    const link = screen.getByRole('link', { name: 'Đăng nhập để mở phiếu giao việc' });
    expect(link.getAttribute('href')).toBe('/login?next=%2Fprovince%2F01');
  });

  it("offers the form to monitoring, lists the unit's active tickets, and tells another unit's focal point no", async () => {
    const { api, fetchMock } = apiWith(() => json(200, [ticket({ status: 'created' })]));
    const { unmount } = render(TicketSlot, { ...base, session: signedIn(), api, kiosk: false });
    expect(screen.getByRole('button', { name: 'Mở phiếu giao việc' })).toBeTruthy();
    expect((await screen.findByTestId('unit-tickets')).textContent).toContain('PGV-20261123-ABCDEF12');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/tickets?active=true&unit=01');
    unmount();
    render(TicketSlot, {
      ...base,
      session: signedIn(principal({ role: 'unit_focal', unitCode: '79' })),
      api,
      kiosk: false,
    });
    expect(screen.queryByRole('button', { name: 'Mở phiếu giao việc' })).toBeNull();
    expect(screen.getByText('Tài khoản này không được mở phiếu cho đơn vị này.')).toBeTruthy();
  });
});
