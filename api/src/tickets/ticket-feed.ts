import type { ClientToServerEvents, ServerToClientEvents, TicketChanged } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Server, Socket } from 'socket.io';
import type { Principal } from '../auth/principal.js';
import type { StoredTicket } from './clocks.js';
import { canView } from '@kh02/schemas';

type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const ROOM = 'tickets';
/** Where a watching socket keeps the session it watches with (socket.data is socket.io's per-socket bag). */
const TOKEN = 'ticketWatchToken';

export interface TicketFeedDeps {
  authenticate: (token: string) => Principal | null;
  onChange: (fn: (t: StoredTicket) => void) => () => void;
  registry: Registry;
}

const bad = (vi: string, en: string) => ({ ok: false, error: { vi, en } });

/**
 * `tickets:changed:v1` to the people who may see the ticket, so list and detail pages follow changes
 * live instead of on their 30-s poll. The session is re-checked at every change: a socket whose session
 * expired, was signed out by a password change or belongs to a disabled account stops receiving and
 * leaves the room. Kiosk sockets (display role) never join: they see no tickets.
 */
export function attachTicketFeed(io: Server<ClientToServerEvents, ServerToClientEvents>, deps: TicketFeedDeps) {
  io.on('connection', (socket: FeedSocket) => {
    socket.on('tickets:watch:v1', (req, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const token = typeof req?.token === 'string' ? req.token : '';
      const p = token ? deps.authenticate(token) : null;
      if (!p) return reply(bad('Phiên đăng nhập không hợp lệ hoặc đã hết hạn.', 'Invalid or expired session.'));
      if (p.role === 'display')
        return reply(bad('Tài khoản màn hình không xem phiếu giao việc.', 'A display account sees no tickets.'));
      (socket.data as Record<string, unknown>)[TOKEN] = token;
      void socket.join(ROOM);
      reply({ ok: true });
    });
    socket.on('tickets:unwatch:v1', () => {
      delete (socket.data as Record<string, unknown>)[TOKEN];
      void socket.leave(ROOM);
    });
  });

  return deps.onChange((t) => {
    const change: TicketChanged = { id: t.id, version: t.version, unit_code: t.unit_code, status: t.status };
    for (const socket of io.of('/').adapter.rooms.get(ROOM) ?? []) {
      const s = io.of('/').sockets.get(socket);
      if (!s) continue;
      const token = (s.data as Record<string, unknown>)[TOKEN];
      const p = typeof token === 'string' ? deps.authenticate(token) : null;
      if (!p) {
        void s.leave(ROOM);
        continue;
      }
      if (canView(p, t, deps.registry)) s.emit('tickets:changed:v1', change);
    }
  });
}
