import { bilingual } from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';

/** The signed-in person; the wall display's read-only session never reads people's contacts. */
export function person(req: FastifyRequest, reply: FastifyReply): Principal | undefined {
  const p = req.principal;
  if (!p || p.role === 'display') {
    void sendError(reply, 'FORBIDDEN', {
      message: bilingual(
        'Màn hình tường không xem được danh bạ và thông báo cá nhân.',
        'The wall display cannot read people’s contacts or notifications.',
      ),
    });
    return undefined;
  }
  return p;
}
