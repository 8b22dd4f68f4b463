import type { TicketChanged } from '@kh02/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeTransport } from '../../support/fake-transport';
import { coalesce, watchTickets } from '../../../src/lib/tickets/ticket-watch';

const change: TicketChanged = { id: 'PGV-1', version: 7, unit_code: '01', status: 'assigned' };

describe('watchTickets', () => {
  it('watches with the person’s session now and after every reconnect, and hands on each change', () => {
    const transport = new FakeTransport();
    transport.connect();
    let token: string | null = 'tok-1';
    const seen: TicketChanged[] = [];
    const stop = watchTickets(
      transport,
      () => token,
      (c) => seen.push(c),
    );
    expect(transport.subscriptions('tickets:watch:v1')).toEqual([{ token: 'tok-1' }]);

    transport.serverEmit('tickets:changed:v1', change);
    expect(seen).toEqual([change]);

    transport.disconnect();
    token = 'tok-2';
    transport.connect();
    expect(transport.subscriptions('tickets:watch:v1')).toEqual([{ token: 'tok-1' }, { token: 'tok-2' }]);

    stop();
    expect(transport.subscriptions('tickets:unwatch:v1')).toHaveLength(1);
    transport.serverEmit('tickets:changed:v1', change);
    expect(seen).toHaveLength(1);
    expect(transport.listenerCount()).toBe(0);
  });

  it('does not watch without a session, nor unwatch on a dead link', () => {
    const transport = new FakeTransport();
    const stop = watchTickets(
      transport,
      () => null,
      () => undefined,
    );
    transport.connect();
    expect(transport.subscriptions('tickets:watch:v1')).toEqual([]);
    transport.disconnect();
    stop();
    expect(transport.subscriptions('tickets:unwatch:v1')).toEqual([]);
  });
});

describe('coalesce', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once per burst, and not at all once cancelled', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const c = coalesce(fn, 500);
    c.call();
    c.call();
    c.call();
    vi.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    c.call();
    c.cancel();
    vi.advanceTimersByTime(1_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
