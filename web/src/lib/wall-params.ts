/*
 * URL parameters of the wall:
 *   ?kiosk=1      no browser-ish controls, large type, cursor hidden
 *   ?rotate=30    rotate views every 30 s (10 s … 1 h)
 *   ?view=map|agencies|rankings|briefing   initial view
 *   ?lang=en|vi   language for this visit (else the last choice on this
 *                 browser, else Vietnamese)
 *   ?sound=1      in kiosk mode, a short chime when a unit turns red
 *   ?token=…      read-only display token (captured once, see api/token.ts)
 */
import type { Lang } from '@kh02/schemas';

export const VIEWS = ['map', 'agencies', 'rankings', 'briefing'] as const;
export type ViewId = (typeof VIEWS)[number];

export interface WallParams {
  kiosk: boolean;
  rotateSec: number | null;
  view: ViewId;
  /** The language asked for in the URL, or null to use the browser's stored choice. */
  lang: Lang | null;
  /** Chime on a new red (kiosk only). */
  sound: boolean;
}

const isView = (v: string | null): v is ViewId => v !== null && (VIEWS as readonly string[]).includes(v);

export function parseWallParams(params: URLSearchParams): WallParams {
  const kiosk = ['1', 'true', 'yes'].includes(params.get('kiosk') ?? '');
  const rotateRaw = Number(params.get('rotate'));
  const rotateSec =
    Number.isFinite(rotateRaw) && rotateRaw > 0 ? Math.min(3600, Math.max(10, Math.round(rotateRaw))) : null;
  const view = params.get('view');
  return {
    kiosk,
    rotateSec,
    view: isView(view) ? view : 'map',
    lang: params.get('lang') === 'en' ? 'en' : params.get('lang') === 'vi' ? 'vi' : null,
    sound: kiosk && ['1', 'true', 'yes'].includes(params.get('sound') ?? ''),
  };
}

/** Next view in the rotation. */
export function nextView(current: ViewId): ViewId {
  const i = VIEWS.indexOf(current);
  return VIEWS[(i + 1) % VIEWS.length] ?? 'map';
}
