import type { StatusChange } from '@kh02/schemas';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NBSP } from '@kh02/schemas';
import { reason } from '../../../support/fixtures';
import RecentChanges from '../../../../src/lib/components/changes/RecentChanges.svelte';

const change = (code: string, at: string, to: StatusChange['to'], reasons = [reason()]): StatusChange => ({
  at,
  code,
  from: 'green',
  to,
  reasons,
});

describe('RecentChanges', () => {
  it('lists changes in the order given (newest first) with Vietnam time, unit name, spoken colours and why', () => {
    render(RecentChanges, {
      changes: [change('01', '2026-11-23T09:58:00Z', 'red'), change('BCA', '2026-11-23T09:40:00Z', 'yellow', [])],
      lang: 'vi',
    });
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.dataset.code)).toEqual(['01', 'BCA']);
    expect(items[0]?.textContent).toContain('16:58');
    expect(items[0]?.textContent).toContain('Hà Nội');
    expect(items[0]?.textContent).toContain(`Trực tuyến 79,5${NBSP}%`);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/province/01');
    // The link's name is its own visible text plus the spoken colours (no aria-label that could drift from it).
    expect(items[0]?.querySelector('a')?.hasAttribute('aria-label')).toBe(false);
    expect(items[0]?.querySelector('.sr-only')?.textContent).toBe('từ Bình thường sang Khẩn cấp:');
    expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe('/agency/BCA');
  });

  it('shows at most the limit, and says so when nothing changed', () => {
    const many = Array.from({ length: 12 }, (_, i) => change('01', `2026-11-23T09:${String(10 + i)}:00Z`, 'red'));
    const { unmount } = render(RecentChanges, { changes: many, lang: 'vi', limit: 5 });
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    unmount();
    render(RecentChanges, { changes: [], lang: 'en' });
    expect(screen.getByTestId('recent-changes').textContent).toContain('No change in the last 24 hours.');
  });
});
