/* An in-memory LiveTransport: tests play the server and inspect what the client asked for. */
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@kh02/schemas';
import type { LiveTransport, Unsubscribe } from '$lib/live/transport';

type Listener = (...args: never[]) => void;

export interface SentMessage {
  event: keyof ClientToServerEvents;
  payload: unknown;
  ack: ((res: SubscribeAck) => void) | undefined;
}

export class FakeTransport implements LiveTransport {
  connected = false;
  readonly sent: SentMessage[] = [];
  readonly #listeners = new Map<string, Set<Listener>>();

  #add(event: string, fn: Listener): Unsubscribe {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(fn);
    return () => void set.delete(fn);
  }

  #fire(event: string, ...args: unknown[]): void {
    for (const fn of this.#listeners.get(event) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }

  onConnect(fn: () => void): Unsubscribe {
    return this.#add('connect', fn);
  }

  onDisconnect(fn: (reason: string) => void): Unsubscribe {
    return this.#add('disconnect', fn);
  }

  on<E extends keyof ServerToClientEvents>(event: E, fn: ServerToClientEvents[E]): Unsubscribe {
    return this.#add(event, fn);
  }

  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): void {
    const [payload, ack] = args as unknown as [unknown, ((res: SubscribeAck) => void) | undefined];
    this.sent.push({ event, payload, ack });
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.#listeners.values()) n += set.size;
    return n;
  }

  // ---- the server side

  connect(): void {
    this.connected = true;
    this.#fire('connect');
  }

  disconnect(reason = 'transport close'): void {
    this.connected = false;
    this.#fire('disconnect', reason);
  }

  serverEmit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.#fire(event, ...args);
  }

  subscriptions(event: keyof ClientToServerEvents): unknown[] {
    return this.sent.filter((m) => m.event === event).map((m) => m.payload);
  }
}
