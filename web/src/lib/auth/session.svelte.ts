/*
 * A person's sign-in for this tab. Kept in sessionStorage (like the display
 * token, and apart from it): it survives reloads of the tab, not closing it,
 * and is never shared with another tab. While it exists it replaces the
 * display token for every request of this tab; signing out falls back to the
 * display token, so a kiosk tab keeps its wall.
 */
import { LoginResultSchema, type LoginResult, type Principal } from '@kh02/schemas';

const KEY = 'kh02.session';

type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class Session {
  token = $state<string | null>(null);
  principal = $state.raw<Principal | null>(null);
  expiresAt = $state<string | null>(null);
  /** The server refused the session (expired or revoked); the header says so until the next sign-in. */
  ended = $state(false);

  readonly signedIn: boolean = $derived(this.token !== null && this.principal !== null);

  readonly #storage: SessionStorageLike | null;
  readonly #now: () => number;

  constructor(storage: SessionStorageLike | null, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
    this.#restore();
  }

  signIn(result: LoginResult): void {
    this.token = result.token;
    this.principal = result.principal;
    this.expiresAt = result.expires_at;
    this.ended = false;
    try {
      this.#storage?.setItem(KEY, JSON.stringify(result));
    } catch {
      // Private mode or quota: the session still works until the tab reloads.
    }
  }

  signOut(): void {
    this.#clear();
    this.ended = false;
  }

  /** The api answered 401 to this session's token. */
  markEnded(): void {
    if (!this.token) return;
    this.#clear();
    this.ended = true;
  }

  #clear(): void {
    this.token = null;
    this.principal = null;
    this.expiresAt = null;
    try {
      this.#storage?.removeItem(KEY);
    } catch {
      // Nothing stored, or storage unavailable: nothing to remove.
    }
  }

  #restore(): void {
    let raw: string | null = null;
    try {
      raw = this.#storage?.getItem(KEY) ?? null;
    } catch {
      raw = null;
    }
    if (!raw) return;
    try {
      const saved = LoginResultSchema.parse(JSON.parse(raw));
      if (Date.parse(saved.expires_at) <= this.#now()) {
        this.#clear();
        return;
      }
      this.token = saved.token;
      this.principal = saved.principal;
      this.expiresAt = saved.expires_at;
    } catch {
      this.#clear();
    }
  }
}
