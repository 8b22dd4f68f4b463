import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Locale } from '$lib/i18n/locale.svelte';
import { WallFeed } from '$lib/live/wall-feed.svelte';
import { FakeTransport } from '../../../support/fake-transport';
import { snapshot } from '../../../support/fixtures';
import LinkBanner from '../../../../src/lib/components/header/LinkBanner.svelte';
import WallHeader from '../../../../src/lib/components/header/WallHeader.svelte';

// 09:58:03Z = 16:58:03 in Hà Nội, whatever TZ this machine runs in.
const NOW = Date.parse('2026-11-23T09:58:03Z');

describe('WallHeader', () => {
  let transport: FakeTransport;
  let feed: WallFeed;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    transport = new FakeTransport();
    feed = new WallFeed(transport);
    stop = feed.start();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('shows national counts, the UTC+7 clock, data freshness and the live state', () => {
    transport.connect();
    transport.serverEmit('wall:snapshot:v1', snapshot(5));
    render(WallHeader, { feed, now: NOW, lang: 'vi', kiosk: false, ontogglelang: () => undefined });
    expect(screen.getByTestId('clock').textContent).toBe('16:58:03');
    expect(screen.getByTestId('data-as-of').textContent?.trim()).toBe('Dữ liệu lúc 16:58:03');
    expect(screen.getByTestId('link-state').dataset.link).toBe('live');
    const provinces = screen.getByRole('group', { name: /Tỉnh, thành phố/ });
    expect(provinces.querySelector('[data-status="green"]')?.textContent).toContain('2');
    expect(screen.queryByTestId('pipeline-stale')).toBeNull();
    expect(screen.getByRole('button', { name: 'English' })).toBeTruthy();
  });

  it("surfaces the server's pipeline.stale and hides controls in kiosk mode", () => {
    transport.connect();
    transport.serverEmit('wall:snapshot:v1', {
      ...snapshot(5),
      pipeline: {
        lag_ms: 95_000,
        stale: true,
        data_fresh: true,
        storage: { stalled: false, waiting: 0, stalled_for_ms: 0 },
      },
    });
    render(WallHeader, { feed, now: NOW, lang: 'vi', kiosk: true, ontogglelang: () => undefined });
    expect(screen.getByTestId('pipeline-stale').textContent).toContain('Dữ liệu về Trung tâm bị chậm (95,0 s)');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("says so when the server's storage writer is stalled, with how long", () => {
    transport.connect();
    transport.serverEmit('wall:snapshot:v1', {
      ...snapshot(5),
      pipeline: {
        lag_ms: 100,
        stale: false,
        data_fresh: true,
        storage: { stalled: true, waiting: 420, stalled_for_ms: 61_000 },
      },
    });
    render(WallHeader, { feed, now: NOW, lang: 'vi', kiosk: true, ontogglelang: () => undefined });
    expect(screen.getByTestId('storage-stalled').textContent).toContain('Lưu trữ dữ liệu bị đình trệ (61 s)');
    expect(screen.queryByTestId('pipeline-stale')).toBeNull();
  });
});

describe('LinkBanner', () => {
  it('names the time of the data still on screen', () => {
    render(LinkBanner, { lost: true, dataAsOf: '2026-11-23T09:58:03Z', lang: 'vi' });
    expect(screen.getByRole('alert').textContent?.trim()).toBe('Mất kết nối — dữ liệu lúc 16:58:03; đang kết nối lại…');
  });

  it('is absent while the link is up', () => {
    render(LinkBanner, { lost: false, dataAsOf: null, lang: 'vi' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks English when asked', () => {
    render(LinkBanner, { lost: true, dataAsOf: '2026-11-23T09:58:03Z', lang: 'en' });
    expect(screen.getByRole('alert').textContent).toContain('Connection lost — data as of 16:58:03; reconnecting…');
  });
});

describe('Locale', () => {
  it('defaults to Vietnamese, toggles to English, and labels states and indicators from the contract', () => {
    const l = new Locale();
    expect(l.status('noreport')).toBe('Chưa báo cáo');
    expect(l.m.nav.briefing).toBe('Giao ban 17h00');
    l.toggle();
    expect(l.lang).toBe('en');
    expect(l.status('noreport')).toBe('No report');
    expect(l.indicator('on_time_rate')).toBe('On-time rate');
    expect(l.rankingIndicator('received_today')).toBe('Dossiers received today');
    expect(l.name({ name: 'Hà Nội', name_en: 'Hanoi' })).toBe('Hanoi');
  });

  it('remembers a toggled language in storage, and a language in the URL wins over it', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    };
    new Locale(null, storage).toggle();
    expect(new Locale(null, storage).lang).toBe('en');
    expect(new Locale('vi', storage).lang).toBe('vi');
  });
});
