import type { ClientToServerEvents, ServerToClientEvents } from '@kh02/schemas';
import { io, type Socket } from 'socket.io-client';
import type { LiveTransport, Unsubscribe } from './transport';

type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * socket.io's `on`/`off` take a conditional listener type that TS cannot relate
 * to a generic event key, even though it is the same map. The public `on()`
 * below is typed by LiveTransport, so this untyped view stays private.
 */
interface UntypedEmitter {
  on(event: string, fn: (...args: never[]) => void): unknown;
  off(event: string, fn: (...args: never[]) => void): unknown;
}

export interface SocketTransportOptions {
  /** Empty = same origin (production, and the dev server's proxy). */
  url?: string;
  /** Read at every (re)connect, so a token captured later is still used. */
  token: () => string | null;
}

/**
 * socket.io gives up after a rejected handshake (middleware error) and after a
 * server-initiated disconnect; a wall must not, so it keeps retrying on this cadence.
 */
const RETRY_MS = 3_000;

export class SocketTransport implements LiveTransport {
  readonly #socket: WallSocket;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;

  constructor(opts: SocketTransportOptions) {
    const options = {
      path: '/socket.io',
      transports: ['websocket'],
      // Quick first retries, capped so an outage is noticed and healed within seconds.
      reconnectionDelay: 500,
      reconnectionDelayMax: 4_000,
      timeout: 5_000,
      auth: (cb: (data: object) => void) => {
        const token = opts.token();
        cb(token ? { token } : {});
      },
    };
    this.#socket = opts.url ? io(opts.url, options) : io(options);
    this.#socket.on('connect_error', () => {
      if (!this.#socket.active) this.#retryLater();
    });
    this.#socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.#retryLater();
    });
  }

  #retryLater(): void {
    if (this.#retryTimer || this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (!this.#closed && !this.#socket.connected) this.#socket.connect();
    }, RETRY_MS);
  }

  /**
   * After a sign-in: a socket refused for want of a token tries again at once
   * instead of at its next retry. A connected socket is left alone (no
   * flicker of the lost-link banner); the server checked it at its handshake.
   */
  connectNow(): void {
    if (this.#closed || this.#socket.connected) return;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#socket.connect();
  }

  get connected(): boolean {
    return this.#socket.connected;
  }

  onConnect(fn: () => void): Unsubscribe {
    this.#socket.on('connect', fn);
    return () => void this.#socket.off('connect', fn);
  }

  onDisconnect(fn: (reason: string) => void): Unsubscribe {
    this.#socket.on('disconnect', fn);
    return () => void this.#socket.off('disconnect', fn);
  }

  on<E extends keyof ServerToClientEvents>(event: E, fn: ServerToClientEvents[E]): Unsubscribe {
    const emitter = this.#socket as unknown as UntypedEmitter;
    emitter.on(event, fn);
    return () => void emitter.off(event, fn);
  }

  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): void {
    this.#socket.emit(event, ...args);
  }

  close(): void {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#socket.disconnect();
  }
}
