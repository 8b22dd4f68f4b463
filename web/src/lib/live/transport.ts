/*
 * The narrow, typed view of the socket that the feed classes use. Keeping it
 * an interface lets the feeds be tested with a fake and keeps socket.io's
 * overloaded typings in one place (socket-transport.ts).
 */
import type { ClientToServerEvents, ServerToClientEvents } from '@kh02/schemas';

export type Unsubscribe = () => void;

export interface LiveTransport {
  readonly connected: boolean;
  onConnect(fn: () => void): Unsubscribe;
  onDisconnect(fn: (reason: string) => void): Unsubscribe;
  on<E extends keyof ServerToClientEvents>(event: E, fn: ServerToClientEvents[E]): Unsubscribe;
  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): void;
}
