import type { ResolvedPathname } from '$app/types';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { tile } from '../../../support/fixtures';
import StatusTile from '../../../../src/lib/components/tiles/StatusTile.svelte';

const NOW = Date.parse('2026-11-23T09:58:00Z');
const base = {
  code: 'BCA',
  name: { vi: 'Bộ Công an', en: 'Ministry of Public Security' },
  href: '/agency/BCA' as ResolvedPathname,
  now: NOW,
  linkLost: false,
};
const since = new Date(NOW - 12 * 60_000).toISOString();

describe('time in state on a tile', () => {
  it('shows how long the tile has had its colour, in words for screen readers too', () => {
    render(StatusTile, { ...base, tile: tile('BCA', { status: 'red', status_since: since }), lang: 'vi' });
    const el = screen.getByTestId('time-in-state');
    expect(el.textContent).toContain('đỏ 12 phút');
    expect(el.textContent).toContain('Giữ trạng thái này: đỏ 12 phút');
  });

  it('speaks English with lang=en', () => {
    render(StatusTile, { ...base, tile: tile('BCA', { status: 'yellow', status_since: since }), lang: 'en' });
    expect(screen.getByTestId('time-in-state').textContent).toContain('yellow 12 min');
  });

  it('sits on the state line, so the tile gets no extra line', () => {
    render(StatusTile, { ...base, tile: tile('BCA', { status: 'red', status_since: since }), lang: 'vi' });
    expect(screen.getByTestId('time-in-state').closest('[data-testid="tile-state"]')).not.toBeNull();
  });

  it("shows a green tile's time only on the large tiles of the agencies view", () => {
    const green = tile('BCA', { status: 'green', status_since: since });
    const { unmount } = render(StatusTile, { ...base, tile: green, lang: 'vi' });
    expect(screen.queryByTestId('time-in-state')).toBeNull();
    unmount();
    render(StatusTile, { ...base, tile: green, lang: 'vi', size: 'large' });
    expect(screen.getByTestId('time-in-state').textContent).toContain('xanh 12 phút');
  });

  it('is absent while the link is lost (the colour shown is not live)', () => {
    render(StatusTile, {
      ...base,
      linkLost: true,
      tile: tile('BCA', { status: 'red', status_since: since }),
      lang: 'vi',
    });
    expect(screen.queryByTestId('time-in-state')).toBeNull();
  });
});
