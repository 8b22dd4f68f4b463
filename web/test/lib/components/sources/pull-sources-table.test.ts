import type { PullSourceState } from '@kh02/schemas';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import PullSourcesTable from '../../../../src/lib/components/sources/PullSourcesTable.svelte';

const NOW = Date.parse('2026-11-23T01:00:00Z');
const retrying: PullSourceState = {
  system_id: 'p01.qlvb',
  endpoint: 'https://vendor.example',
  for_date: '2026-11-22',
  status: 'retrying',
  attempts: 2,
  last_attempt_at: '2026-11-23T00:58:00Z',
  last_success_at: null,
  next_attempt_at: '2026-11-23T01:02:00Z',
  last_error: { vi: 'Máy chủ nhà cung cấp trả về HTTP 503.', en: 'The vendor endpoint answered HTTP 503.' },
};

describe('PullSourcesTable', () => {
  it.each([
    ['vi', 'Đang thử lại', 'Máy chủ nhà cung cấp trả về HTTP 503.'],
    ['en', 'Retrying', 'The vendor endpoint answered HTTP 503.'],
  ] as const)('in %s: the fetch’s status, attempts and last error', (lang, status, error) => {
    render(PullSourcesTable, { pulls: [retrying], now: NOW, lang });
    const row = screen.getByRole('row', { name: /p01\.qlvb/ });
    expect(row.dataset.status).toBe('retrying');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent?.trim());
    expect(cells).toEqual(
      expect.arrayContaining(['p01.qlvb', 'https://vendor.example', '2026-11-22', status, '2', error]),
    );
  });

  it('a fetched report shows no error', () => {
    render(PullSourcesTable, {
      pulls: [{ ...retrying, status: 'ok', last_error: null, next_attempt_at: null }],
      now: NOW,
      lang: 'vi',
    });
    const row = screen.getByRole('row', { name: /p01\.qlvb/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent?.trim()),
    ).toEqual(expect.arrayContaining(['Đã lấy', '—']));
  });
});
