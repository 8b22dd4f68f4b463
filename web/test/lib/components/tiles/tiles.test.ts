import { STATUS_LABELS, type UnitStatus } from '@kh02/schemas';
import type { ResolvedPathname } from '$app/types';
import { AGENCIES, AGENCY_BLOCK_NAMES } from '@kh02/schemas/registry';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NBSP } from '@kh02/schemas';
import { reason, tile } from '../../../support/fixtures';
import AgencyGrid from '../../../../src/lib/components/tiles/AgencyGrid.svelte';
import StatusTile from '../../../../src/lib/components/tiles/StatusTile.svelte';
import TicketClock from '../../../../src/lib/components/tiles/TicketClock.svelte';

const NOW = Date.parse('2026-11-23T09:58:00Z');
const base = {
  code: 'BCA',
  name: { vi: 'Bộ Công an', en: 'Ministry of Public Security' },
  href: '/agency/BCA' as ResolvedPathname,
  now: NOW,
};

describe('StatusTile', () => {
  const states: UnitStatus[] = ['green', 'yellow', 'red', 'noreport', 'stale'];
  it.each(states)('shows the %s state with its icon and Vietnamese label', (status) => {
    render(StatusTile, {
      ...base,
      tile: tile('BCA', { status, name: 'Bộ Công an', last_known_status: status === 'stale' ? 'red' : null }),
      lang: 'vi',
      linkLost: false,
    });
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('/agency/BCA');
    expect(link.dataset.status).toBe(status);
    expect(link.classList.contains(`status-${status}`)).toBe(true);
    expect(link.querySelector('[data-icon]')?.getAttribute('data-icon')).toBe(STATUS_LABELS[status].icon);
    expect(link.textContent).toContain(STATUS_LABELS[status].vi);
    expect(link.textContent).toContain('BCA');
    expect(link.textContent).toContain('Bộ Công an');
  });

  it('keeps the last colour as a muted border while the link is lost', () => {
    render(StatusTile, { ...base, tile: tile('BCA', { status: 'red' }), lang: 'vi', linkLost: true });
    const link = screen.getByRole('link');
    expect(link.dataset.status).toBe('stale');
    expect(link.classList.contains('last-red')).toBe(true);
    expect(link.classList.contains('has-last')).toBe(true);
    expect(link.textContent).toContain('Dữ liệu cũ');
    expect(link.textContent).toContain('Trước đó: Khẩn cấp');
  });

  it('speaks English when asked', () => {
    render(StatusTile, {
      ...base,
      tile: tile('BCA', { status: 'red', name_en: 'Ministry of Public Security' }),
      lang: 'en',
      linkLost: false,
    });
    expect(screen.getByRole('link').textContent).toContain('Critical');
    expect(screen.getByRole('link').textContent).toContain('Ministry of Public Security');
  });

  it('says why a red tile is red in a few words, labelled by the system’s own indicator', () => {
    const cpu = reason({
      indicator: 'system_status',
      source_indicator: 'cpu',
      value: 97.94,
      threshold: 95,
      comparator: '>=',
      unit: 'pct',
      message: { vi: 'Cổng DVC: Tải CPU trung bình 97,9 %, vượt ngưỡng 95 %.', en: 'Portal: CPU load 97.9 %' },
    });
    render(StatusTile, { ...base, tile: tile('BCA', { status: 'red', reasons: [cpu] }), lang: 'vi', linkLost: false });
    expect(screen.getByTestId('tile-reason').textContent).toBe(`CPU 97,9${NBSP}%`);
    expect(screen.getByRole('link').getAttribute('title')).toContain('vượt ngưỡng 95');
  });

  it('shows who holds the unit’s ticket, and tells an acknowledged ticket from an unassigned one', () => {
    const summary = (status: 'created' | 'acknowledged') => ({
      open: 1,
      breached: 0,
      near_breach: 0,
      next_deadline: null,
      next_deadline_kind: null,
      worst_priority: 'P1' as const,
      lead: {
        id: 'T-1',
        priority: 'P1' as const,
        status,
        assignee: status === 'created' ? null : { kind: 'vendor' as const, code: 'VNPT' },
        acknowledged_at: status === 'created' ? null : '2026-11-23T09:00:00Z',
      },
    });
    const { unmount } = render(StatusTile, {
      ...base,
      tile: tile('BCA', { status: 'red', tickets: summary('acknowledged') }),
      lang: 'vi',
      linkLost: false,
    });
    const held = screen.getByTestId('tile-handling');
    expect(held.dataset.ticketStatus).toBe('acknowledged');
    expect(held.textContent).toContain('Đã tiếp nhận · VNPT');
    unmount();
    render(StatusTile, {
      ...base,
      tile: tile('BCA', { status: 'red', tickets: summary('created') }),
      lang: 'vi',
      linkLost: false,
    });
    expect(screen.getByTestId('tile-handling').textContent).toContain('Chưa giao');
  });

  it('shows an approved maintenance window with its end time in Vietnam time', () => {
    render(StatusTile, {
      ...base,
      tile: tile('BCA', { maintenance: { until: '2026-11-23T15:30:00Z', systems: 1 } }),
      lang: 'vi',
      linkLost: false,
    });
    expect(screen.getByTestId('tile-maintenance').textContent).toBe('Bảo trì đến 22:30');
  });

  it('marks a tile whose colour just changed so it pulses', () => {
    render(StatusTile, { ...base, tile: tile('BCA', { status: 'red' }), lang: 'vi', linkLost: false, pulse: true });
    expect(screen.getByRole('link').classList.contains('pulse')).toBe(true);
  });

  it('shows large-tile headlines with Vietnamese number formatting', () => {
    render(StatusTile, { ...base, tile: tile('BCA'), lang: 'vi', linkLost: false, size: 'large' });
    const text = screen.getByRole('link').textContent ?? '';
    expect(text).toContain(`85${NBSP}%`);
    expect(text).toContain('0/3');
  });
});

describe('TicketClock', () => {
  const tickets = (deadline: string | null) => ({
    open: 1,
    breached: 0,
    near_breach: 0,
    next_deadline: deadline,
    next_deadline_kind: 'fix' as const,
    worst_priority: 'P1' as const,
  });

  it('counts down to the next SLA deadline', () => {
    render(TicketClock, { tickets: tickets('2026-11-23T11:03:09Z'), now: NOW, lang: 'vi' });
    const clock = screen.getByTestId('ticket-clock');
    expect(clock.textContent).toContain('P1');
    expect(clock.textContent).toContain('Khắc phục');
    expect(clock.textContent).toContain('còn 1:05:09');
    expect(clock.dataset.breached).toBe('false');
  });

  it('turns red and counts the overrun once breached', () => {
    render(TicketClock, { tickets: tickets('2026-11-23T09:45:00Z'), now: NOW, lang: 'vi' });
    const clock = screen.getByTestId('ticket-clock');
    expect(clock.classList.contains('breached')).toBe(true);
    expect(clock.textContent).toContain('quá hạn 0:13:00');
  });

  it('renders nothing without a running deadline', () => {
    const { container } = render(TicketClock, { tickets: tickets(null), now: NOW, lang: 'vi' });
    expect(container.querySelector('[data-testid="ticket-clock"]')).toBeNull();
  });

  it('appears on a tile whose unit has open tickets', () => {
    render(StatusTile, {
      ...base,
      tile: tile('BCA', { status: 'red', tickets: tickets('2026-11-23T10:00:00Z') }),
      lang: 'vi',
      linkLost: false,
    });
    const clock = within(screen.getByRole('link')).getByTestId('ticket-clock');
    expect(clock.textContent).toContain('P1');
    expect(clock.textContent).toContain('còn 0:02:00');
    // Small tiles keep the deadline kind in the tooltip so the clock fits.
    expect(clock.textContent).not.toContain('Khắc phục');
    expect(clock.getAttribute('title')).toBe('Khắc phục');
  });
});

describe('AgencyGrid', () => {
  it('groups every registry agency under its block heading, with placeholders before data', () => {
    const tiles = new Map([['BCA', tile('BCA', { status: 'red', block: 'government' })]]);
    const { container } = render(AgencyGrid, { tiles, lang: 'vi', now: NOW, linkLost: false });
    const headings = [...container.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toContain(AGENCY_BLOCK_NAMES.government.vi);
    expect(headings).toContain(AGENCY_BLOCK_NAMES.party.vi);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(AGENCIES.length);
    const bca = links.find((l) => l.dataset.code === 'BCA');
    expect(bca?.dataset.status).toBe('red');
    expect(bca?.closest('section')?.dataset.block).toBe('government');
    // An agency the server has not reported yet never looks green.
    const other = links.find((l) => l.dataset.code === 'VPTW');
    expect(other?.dataset.status).toBe('noreport');
    expect(other?.textContent).toContain('Chưa có dữ liệu');
  });
});
