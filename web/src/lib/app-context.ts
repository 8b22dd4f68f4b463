/*
 * The wall's long-lived objects, created once in the root layout and shared
 * with pages through Svelte context (never module globals, so tests can build
 * their own).
 */
import { getContext, setContext } from 'svelte';
import type { ReportsApi } from '$lib/api/reports-api';
import type { RestClient } from '$lib/api/rest';
import type { SourcesApi } from '$lib/api/sources-api';
import type { TicketsApi } from '$lib/api/tickets-api';
import type { Session } from '$lib/auth/session.svelte';
import type { Locale } from '$lib/i18n/locale.svelte';
import type { Clock } from '$lib/live/clock.svelte';
import type { LiveTransport } from '$lib/live/transport';
import type { WallFeed } from '$lib/live/wall-feed.svelte';
import type { WallParams } from '$lib/wall-params';

export interface WallApp {
  locale: Locale;
  clock: Clock;
  feed: WallFeed;
  rest: RestClient;
  transport: LiveTransport;
  params: WallParams;
  /** A person's sign-in for this tab (null principal on a kiosk). */
  session: Session;
  tickets: TicketsApi;
  reports: ReportsApi;
  sources: SourcesApi;
}

const KEY = Symbol('kh02.wall');

export function setWallApp(app: WallApp): WallApp {
  return setContext(KEY, app);
}

export function getWallApp(): WallApp {
  const app = getContext<WallApp | undefined>(KEY);
  if (!app) throw new Error('getWallApp() outside the root layout');
  return app;
}
