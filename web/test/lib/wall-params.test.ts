import { describe, expect, it } from 'vitest';
import { nextView, parseWallParams } from '../../src/lib/wall-params';

describe('wall URL parameters', () => {
  it('defaults to the map view without kiosk, rotation or a language of its own', () => {
    expect(parseWallParams(new URLSearchParams(''))).toEqual({
      kiosk: false,
      rotateSec: null,
      view: 'map',
      lang: null,
      sound: false,
    });
    expect(parseWallParams(new URLSearchParams('kiosk=1&sound=1')).sound).toBe(true);
    expect(parseWallParams(new URLSearchParams('sound=1')).sound).toBe(false);
    expect(parseWallParams(new URLSearchParams('lang=vi')).lang).toBe('vi');
  });

  it('reads kiosk, rotation (clamped), view and language', () => {
    expect(parseWallParams(new URLSearchParams('kiosk=1&rotate=30&view=briefing&lang=en'))).toEqual({
      kiosk: true,
      rotateSec: 30,
      view: 'briefing',
      lang: 'en',
      sound: false,
    });
    expect(parseWallParams(new URLSearchParams('rotate=2')).rotateSec).toBe(10);
    expect(parseWallParams(new URLSearchParams('rotate=abc&view=nope')).view).toBe('map');
  });

  it('rotates through all four views', () => {
    expect([nextView('map'), nextView('agencies'), nextView('rankings'), nextView('briefing')]).toEqual([
      'agencies',
      'rankings',
      'briefing',
      'map',
    ]);
  });
});
