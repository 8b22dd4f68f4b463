import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { RestClient } from '$lib/api/rest';
import { TicketsApi } from '$lib/api/tickets-api';
import { TicketDetail } from '../../../../src/lib/tickets/ticket-detail.svelte';
import TicketActions from '../../../../src/lib/components/tickets/TicketActions.svelte';
import { reason, tile } from '../../../support/fixtures';
import { principal, ticket } from '../../../support/ticket-fixtures';

async function doneTicketDetail() {
  const body = JSON.stringify(ticket({ status: 'done', unit_code: 'BCA' }));
  const fetchMock = vi.fn<typeof fetch>(() =>
    Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })),
  );
  const api = new TicketsApi(new RestClient({ token: () => 'session-1', fetch: fetchMock }));
  const detail = new TicketDetail(api, 'PGV-1');
  await detail.load();
  return { api, detail };
}

describe('closing a ticket while its unit is red by its figures', () => {
  it('warns with the red reason and enables "close" only once the closer confirms', async () => {
    const { api, detail } = await doneTicketDetail();
    const unitTile = tile('BCA', {
      status: 'red',
      reasons: [reason({ indicator: 'cpu', status: 'red', message: { vi: 'CPU 99 %', en: 'CPU 99 %' } })],
    });
    render(TicketActions, { detail, principal: principal({ role: 'cc_lead' }), api, lang: 'vi', unitTile });
    await fireEvent.click(screen.getByRole('button', { name: /đóng/i }));
    expect(screen.getByTestId('close-warning').textContent).toContain('CPU 99 %');
    const submit = screen.getByTestId('action-form').querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('close-confirm'));
    expect(submit.disabled).toBe(false);
  });

  it('asks for no confirmation when the unit is green', async () => {
    const { api, detail } = await doneTicketDetail();
    render(TicketActions, {
      detail,
      principal: principal({ role: 'cc_lead' }),
      api,
      lang: 'vi',
      unitTile: tile('BCA'),
    });
    await fireEvent.click(screen.getByRole('button', { name: /đóng/i }));
    expect(screen.queryByTestId('close-warning')).toBeNull();
    const submit = screen.getByTestId('action-form').querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
  });
});
