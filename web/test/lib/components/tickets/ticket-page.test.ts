import { render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { RestClient } from '$lib/api/rest';
import { TicketsApi } from '$lib/api/tickets-api';
import { ticket } from '../../../support/ticket-fixtures';
import AssignForm from '../../../../src/lib/components/tickets/AssignForm.svelte';
import TicketFacts from '../../../../src/lib/components/tickets/TicketFacts.svelte';
import TicketTimeline from '../../../../src/lib/components/tickets/TicketTimeline.svelte';

const NOW = Date.parse('2026-11-23T09:58:00Z');
const coord = { id: 'u-cc.dieuphoi', name: 'Lê Văn Điều Phối', role: 'cc_coordination' };

describe('TicketFacts', () => {
  it('shows multi-line text line by line, the creator by name and the system by its registry name', () => {
    const t = ticket({
      description: 'Người dân không ký số được.\n\t- Bước 1: đăng nhập\n\t- Bước 2: ký số',
      requirement: 'Khôi phục trước 17:00.\nBáo cáo kết quả.',
      created_by_name: 'Trần Thị Giám Sát',
      system_id: 'hn-tthc',
      system_name: 'Hệ thống giải quyết TTHC Hà Nội',
      system_name_en: 'Hanoi administrative procedures system',
    });
    const { unmount } = render(TicketFacts, { ticket: t, now: NOW, lang: 'vi' });
    const description = screen.getByTestId('ticket-description');
    // The text node keeps its breaks and tabs (the dd is white-space: pre-wrap); no markup is made from it.
    expect(description.textContent).toBe(t.description);
    expect(description.children).toHaveLength(0);
    expect(description.classList.contains('text')).toBe(true);
    const requirement = screen.getByText(t.requirement ?? '', { normalizer: (text) => text });
    expect(requirement.classList.contains('text')).toBe(true);
    expect(screen.getByTestId('ticket-creator').textContent).toBe('Trần Thị Giám Sát');
    expect(screen.getByTestId('ticket-system').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Hệ thống giải quyết TTHC Hà Nội (hn-tthc)',
    );
    unmount();
    render(TicketFacts, { ticket: t, now: NOW, lang: 'en' });
    expect(screen.getByRole('link', { name: 'Hanoi administrative procedures system' }).getAttribute('href')).toBe(
      '/system/hn-tthc',
    );
  });

  it('names a system the registry does not know by its id', () => {
    render(TicketFacts, { ticket: ticket({ system_id: 'x-cu' }), now: NOW, lang: 'vi' });
    expect(screen.getByTestId('ticket-system').textContent?.trim()).toBe('x-cu');
  });
});

describe('TicketTimeline', () => {
  it('shows each step in Vietnam time with its actor and the status after it', () => {
    const t = ticket({
      status: 'assigned',
      assignee: { kind: 'unit', code: '01' },
      comments: [{ at: '2026-11-23T09:07:00Z', by: coord.id, by_name: coord.name, text: 'Dòng một\nDòng hai' }],
      history: [
        ...ticket().history,
        {
          at: '2026-11-23T09:05:00Z',
          type: 'assigned',
          actor: coord,
          status: 'assigned',
          note: null,
          assignee: { kind: 'unit', code: '01' },
        },
        {
          at: '2026-11-23T09:07:00Z',
          type: 'commented',
          actor: coord,
          status: 'assigned',
          note: 'Dòng một\nDòng hai',
          assignee: null,
        },
      ],
    });
    render(TicketTimeline, { ticket: t, now: NOW, lang: 'vi', oncomment: null, busy: false });
    const items = within(screen.getByTestId('ticket-history')).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.kind)).toEqual(['created', 'assigned', 'commented']);
    const [created, assigned, comment] = items;
    expect(created?.querySelector('time')?.textContent).toBe('16:00');
    expect(created?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T09:00:00Z');
    expect(created?.textContent).toContain('Tạo phiếu');
    expect(created?.querySelector('[data-testid="step-actor"]')?.textContent).toBe('Nhóm Giám sát');
    expect(created?.textContent).toContain('→ Mới tạo');
    expect(assigned?.textContent).toContain('Giao việc');
    expect(assigned?.querySelector('[data-testid="step-actor"]')?.textContent).toBe(coord.name);
    expect(assigned?.textContent).toContain('→ Đã giao');
    expect(assigned?.textContent).toContain('Hà Nội');
    expect(comment?.querySelector('.text')?.textContent).toBe('Dòng một\nDòng hai');
  });

  it('speaks English when asked', () => {
    render(TicketTimeline, { ticket: ticket(), now: NOW, lang: 'en', oncomment: null, busy: false });
    expect(screen.getByTestId('ticket-history').textContent).toContain('Opened');
    expect(screen.getByTestId('ticket-history').textContent).toContain('→ Created');
  });
});

describe('AssignForm', () => {
  it('names the routing parties in English from the api, else from the bundled registry', async () => {
    const parties = {
      vendors: [{ kind: 'vendor', code: 'VNPT', name: 'Tập đoàn VNPT', name_en: 'VNPT Group (api)' }],
      units: [
        { kind: 'unit', code: '01', name: 'Hà Nội' },
        { kind: 'unit', code: 'BXYZ', name: 'Bộ chưa có tên tiếng Anh' },
      ],
      working_groups: [{ kind: 'working_group', code: 'WG1', name: 'Nhóm 1', name_en: 'Group 1 (api)' }],
    };
    const fetchMock = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response(JSON.stringify(parties), { headers: { 'content-type': 'application/json' } })),
    );
    const api = new TicketsApi(new RestClient({ token: () => 't', fetch: fetchMock }));
    const props = { ticket: ticket(), api, busy: false, onsubmit: () => undefined, oncancel: () => undefined };
    const { unmount } = render(AssignForm, { ...props, lang: 'en' });
    const select = screen.getByLabelText<HTMLSelectElement>('Assign to');
    await waitFor(() => expect(select.disabled).toBe(false));
    const names = [...select.options].map((o) => o.textContent?.trim());
    expect(names).toEqual(['VNPT Group (api)', 'Hanoi (suggested)', 'Bộ chưa có tên tiếng Anh', 'Group 1 (api)']);
    unmount();
    render(AssignForm, { ...props, lang: 'vi' });
    const inVietnamese = screen.getByLabelText<HTMLSelectElement>('Giao cho');
    await waitFor(() => expect(inVietnamese.disabled).toBe(false));
    expect([...inVietnamese.options].map((o) => o.textContent?.trim())[0]).toBe('Tập đoàn VNPT');
  });
});
