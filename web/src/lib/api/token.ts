/*
 * Read-only display token. A kiosk is started once with `?token=…`; the token
 * is kept in sessionStorage (survives reloads of that tab, not the machine)
 * and removed from the address bar so it does not end up in screenshots,
 * bookmarks or the history.
 */
const KEY = 'kh02.displayToken';

export interface TokenCapture {
  token: string | null;
  /** The URL to show instead, when `token` had to be stripped from it. */
  cleanedUrl: URL | null;
}

export function captureToken(url: URL, storage: Pick<Storage, 'getItem' | 'setItem'> | null): TokenCapture {
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      storage?.setItem(KEY, fromUrl);
    } catch {
      // Private mode or quota: the token still works for this page load.
    }
    const cleaned = new URL(url);
    cleaned.searchParams.delete('token');
    return { token: fromUrl, cleanedUrl: cleaned };
  }
  let stored: string | null = null;
  try {
    stored = storage?.getItem(KEY) ?? null;
  } catch {
    stored = null;
  }
  return { token: stored, cleanedUrl: null };
}
