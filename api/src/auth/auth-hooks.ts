import { sendError } from '@kh02/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from './accounts.js';
import { isCommandCenter } from '@kh02/schemas';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/** Authenticates the request's bearer session, or answers 401 with `message`; true when signed in. */
export async function authenticateOr401(
  request: FastifyRequest,
  reply: FastifyReply,
  accounts: AccountService,
  message: { vi: string; en: string },
): Promise<boolean> {
  const token = bearer(request);
  const principal = token ? accounts.authenticate(token) : null;
  if (!principal) {
    await sendError(reply, 'UNAUTHENTICATED', { message });
    return false;
  }
  request.principal = principal;
  return true;
}

/** preHandler: a valid session is required (401 otherwise); the principal is attached to the request. */
export function requireSession(accounts: AccountService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await authenticateOr401(request, reply, accounts, {
      vi: 'Cần đăng nhập (phiên hết hạn hoặc không hợp lệ).',
      en: 'Sign-in required (session missing, expired or revoked).',
    });
  };
}

export function requireCommandCenter(
  request: FastifyRequest,
  reply: FastifyReply,
  roles?: string[],
): Principal | undefined {
  const p = request.principal;
  if (!p || !isCommandCenter(p) || (roles && !roles.includes(p.role))) {
    void sendError(reply, 'FORBIDDEN');
    return undefined;
  }
  return p;
}
