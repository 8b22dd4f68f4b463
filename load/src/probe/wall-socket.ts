import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@kh02/schemas';
import { io, type Socket } from 'socket.io-client';

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One wall connection exactly as the SvelteKit wall opens it (websocket only, own connection, display session). */
export function openWallSocket(apiUrl: string, token: string | undefined): WallSocket {
  return io(apiUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
    ...(token ? { auth: { token } } : {}),
  });
}

/** Connects and subscribes to the wall room; resolves once the server acknowledged. */
export function subscribeWall(socket: WallSocket, timeoutMs = 20_000): Promise<SubscribeAck> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('wall subscribe timed out')), timeoutMs);
    const subscribe = () =>
      socket.emit('wall:subscribe:v1', {}, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    if (socket.connected) subscribe();
    else socket.once('connect', subscribe);
  });
}
